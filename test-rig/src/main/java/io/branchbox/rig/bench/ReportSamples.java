package io.branchbox.rig.bench;

import io.branchbox.firmware.uplink.Alarm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports shaped like the box's real ones, for the uplink benchmarks: a health report as
 * {@code UplinkWiring.health} builds it for a two-span box, service figures for four queues, and
 * the usual alarms. Sizes matter here, not values. Stateless.
 */
final class ReportSamples {

    private ReportSamples() {}

    /** A health report of a two-span, 24-seat box: about 800 bytes as JSON with the envelope. */
    static Map<String, ?> health(long n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("board", Map.of("state", "UP", "reason", "link ok", "counters",
                Map.of("framesIn", 1_234_567 + n, "framesOut", 1_230_001 + n, "crcErrors", 0, "resyncs", 1)));
        m.put("spans", List.of(span(0), span(1)));
        m.put("callsInProgress", 17);
        m.put("callsWaiting", 3);
        m.put("agents", Map.of("READY", 9, "TALKING", 14, "WRAP_UP", 1));
        m.put("recording", Map.of("healthy", true, "framesLost", 0, "coverageTodayPercent", 100.0,
                "callsWithoutRecording", 0, "storageLevel", "OK", "freeBytes", 412_345_678_901L));
        m.put("jvm", Map.of("heapUsedBytes", 123_456_789, "heapMaxBytes", 536_870_912, "systemLoad", 0.71));
        m.put("uptimeS", 86_400 + n * 60);
        m.put("firmware", "0.1.0");
        return m;
    }

    private static Map<String, Object> span(int span) {
        return Map.of("span", span, "layer1Up", true, "layer2Up", true, "alarms", List.of(),
                "busy", 9, "idle", 21, "blocked", 0);
    }

    /** Service figures of one 15-minute interval for four queues: about 1 KB as JSON. */
    static Map<String, ?> figures() {
        Map<String, Object> queues = new LinkedHashMap<>();
        for (String q : List.of("accounts", "loans", "cards", "general")) {
            queues.put(q, Map.of("offered", 42, "answered", 39, "abandoned", 3, "answeredWithin20s", 33,
                    "avgWaitS", 11, "maxWaitS", 74, "avgTalkS", 187, "overflowedOut", 1, "callbacksOffered", 2));
        }
        return Map.of("queues", queues, "agents", Map.of("loggedIn", 24, "occupancyPercent", 81, "avgWrapUpS", 23));
    }

    /** One of the alarms a box typically raises and clears in a day. */
    static Alarm alarm(int i) {
        return switch (i % 5) {
            case 0 -> new Alarm("E1_LOS", Alarm.Severity.CRITICAL, "Span 1: loss of signal",
                    Map.of("span", 1, "since", "2026-11-23T10:15:00Z"));
            case 1 -> new Alarm("E1_LOS", Alarm.Severity.CLEARED, "Span 1: signal back", Map.of("span", 1));
            case 2 -> new Alarm("QUEUE_WAIT_HIGH", Alarm.Severity.WARNING, "Queue loans: longest wait 181 s",
                    Map.of("queue", "loans", "waitS", 181));
            case 3 -> new Alarm("QUEUE_WAIT_HIGH", Alarm.Severity.CLEARED, "Queue loans: wait normal",
                    Map.of("queue", "loans"));
            default -> new Alarm("DISK_LOW", Alarm.Severity.MINOR, "Recording storage below 15 % free",
                    Map.of("freePercent", 14));
        };
    }
}
