package io.branchbox.firmware.runtime;

import io.branchbox.firmware.uplink.Alarm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the box's state into alarms for the central office: each condition is raised once when
 * it starts and cleared once when it ends, with a stable code the office keys on.
 *
 * <ul>
 *   <li>{@code BOARD_DOWN} (critical): the CB-1 board is not online.
 *   <li>{@code E1_SPAN<n>_ALARM} (critical): the span reports LOS, LOF, AIS, RAI or CRC-4 loss.
 *   <li>{@code E1_SPAN<n>_L2_DOWN} (major): layer 1 is up but LAPD is not.
 *   <li>{@code E1_SPAN<n>_RESTART_UNACKNOWLEDGED} (major): the network ignored the box's RESTART
 *       through T316's retries; the channels are in service, but the carrier should be asked why
 *       (cleared when a RESTART is acknowledged again).
 *   <li>{@code RECORDING_COVERAGE} (major): answered calls today without a complete recording, named.
 *   <li>{@code RECORDING_STORAGE} (warning/major/critical by level): free space low or full.
 *   <li>{@code RECORDING_WRITE} (major): the recorder failed to write or lost frames.
 *   <li>whatever {@link BoxFaults} holds (start-up repairs, journal, link quality; codes in
 *       docs/RELIABILITY.md).
 * </ul>
 *
 * <p>Threading: {@link #check} runs on the signalling thread with each snapshot; the sink must
 * not block (the uplink queues to its outbox).
 */
final class AlarmMonitor {
    private static final Logger log = LoggerFactory.getLogger(AlarmMonitor.class);

    private final Map<String, Alarm> active = new LinkedHashMap<>();
    /** When each active condition was first seen (kept across a new sink: the condition did not restart). */
    private final Map<String, java.time.Instant> since = new java.util.HashMap<>();
    private volatile java.util.List<ActiveAlarm> current = java.util.List.of();
    private final BoxFaults faults;
    private volatile Consumer<Alarm> sink = a -> { };

    AlarmMonitor() {
        this(new BoxFaults());
    }

    /** {@code faults}: conditions raised outside the snapshot (start-up repairs, journal, link quality). */
    AlarmMonitor(BoxFaults faults) {
        this.faults = faults;
    }

    void setSink(Consumer<Alarm> sink) {
        this.sink = sink;
        active.clear(); // a new sink hears every active condition again on the next check
    }

    /** Hands {@code a} to the sink on the calling thread, for a watchdog whose signalling thread may be dead. */
    void raiseNow(Alarm a) {
        raise(a);
    }

    void check(BoxSnapshot s) {
        Map<String, Alarm> now = new LinkedHashMap<>();
        if (!"ONLINE".equals(s.board().state()) && !"STARTING".equals(s.board().state())) {
            put(now, "BOARD_DOWN", Alarm.Severity.CRITICAL, "CB-1 board " + s.board().state().toLowerCase()
                    + ": " + s.board().reason(), Map.of("serial", s.board().serial()));
        }
        for (BoxSnapshot.Span sp : s.spans()) {
            if (!sp.alarms().isEmpty()) {
                put(now, "E1_SPAN" + sp.span() + "_ALARM", Alarm.Severity.CRITICAL,
                        "E1 span " + sp.span() + " alarm: " + String.join(", ", sp.alarms()), Map.of("alarms", sp.alarms()));
            } else if (sp.layer1Up() && !sp.layer2Up()) {
                put(now, "E1_SPAN" + sp.span() + "_L2_DOWN", Alarm.Severity.MAJOR,
                        "E1 span " + sp.span() + ": D-channel (LAPD) down", Map.of());
            }
            if (sp.restartUnacknowledged()) {
                put(now, "E1_SPAN" + sp.span() + "_RESTART_UNACKNOWLEDGED", Alarm.Severity.MAJOR, "E1 span " + sp.span()
                        + ": the network did not acknowledge RESTART; channels kept in service, no RESTART at link-up",
                        Map.of());
            }
        }
        BoxSnapshot.RecordingInfo r = s.recording();
        if (!r.coverageGaps().isEmpty()) {
            put(now, "RECORDING_COVERAGE", Alarm.Severity.MAJOR, String.format("recording coverage today %.1f %%: %d call(s) without a complete recording",
                    r.coveragePercent(), r.coverageGaps().size()), Map.of("calls", r.coverageGaps()));
        }
        Alarm.Severity storage = switch (r.storageLevel()) {
            case "WARN" -> Alarm.Severity.WARNING;
            case "CRITICAL" -> Alarm.Severity.MAJOR;
            case "FULL" -> Alarm.Severity.CRITICAL;
            default -> null;
        };
        if (storage != null) {
            put(now, "RECORDING_STORAGE", storage, "recording storage " + r.storageLevel().toLowerCase()
                    + ", " + r.freeBytes() / (1 << 20) + " MiB free", Map.of("freeBytes", r.freeBytes()));
        }
        if (!r.lastError().isEmpty() || r.framesLost() > 0) {
            put(now, "RECORDING_WRITE", Alarm.Severity.MAJOR, "recording fault: "
                    + (r.lastError().isEmpty() ? r.framesLost() + " frame(s) lost" : r.lastError()),
                    Map.of("framesLost", r.framesLost()));
        }
        for (Alarm f : faults.active()) {
            now.put(f.code(), f);
        }
        for (Map.Entry<String, Alarm> e : now.entrySet()) {
            Alarm before = active.get(e.getKey());
            if (before == null || before.severity() != e.getValue().severity()) {
                raise(e.getValue());
            }
        }
        for (String code : active.keySet()) {
            if (!now.containsKey(code)) {
                raise(new Alarm(code, Alarm.Severity.CLEARED, active.get(code).text() + " (cleared)", Map.of()));
            }
        }
        active.clear();
        active.putAll(now);
        since.keySet().retainAll(now.keySet());
        java.util.List<ActiveAlarm> list = new java.util.ArrayList<>();
        for (Alarm a : now.values()) {
            list.add(new ActiveAlarm(a.code(), a.severity(), a.text(), since.computeIfAbsent(a.code(), c -> s.takenAt())));
        }
        list.sort(java.util.Comparator.comparing(ActiveAlarm::severity).thenComparing(ActiveAlarm::since));
        current = java.util.List.copyOf(list);
    }

    /** The conditions of the last {@link #check}, most severe first, with since when. Any thread. */
    java.util.List<ActiveAlarm> current() {
        return current;
    }

    private void raise(Alarm a) {
        if (a.severity() == Alarm.Severity.CLEARED) {
            log.info("alarm {} cleared", a.code());
        } else {
            log.warn("alarm {} {}: {}", a.code(), a.severity(), a.text());
        }
        sink.accept(a);
    }

    private static void put(Map<String, Alarm> m, String code, Alarm.Severity sev, String text, Map<String, ?> details) {
        m.put(code, new Alarm(code, sev, text, details));
    }
}
