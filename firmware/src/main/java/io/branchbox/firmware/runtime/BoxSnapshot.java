package io.branchbox.firmware.runtime;

import io.branchbox.firmware.uplink.UplinkState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the box is doing, taken on the signalling thread twice a second and read by anyone
 * (web admin, MQTT health, front panel) without touching the live state machines.
 *
 * <p>Immutable.
 */
public record BoxSnapshot(
        Instant takenAt,
        Instant startedAt,
        Board board,
        List<Span> spans,
        List<FxoInfo> fxo,
        List<CallInfo> calls,
        List<QueueInfo> queues,
        List<AgentInfo> agents,
        RecordingInfo recording,
        Uplink uplink) {

    public BoxSnapshot {
        spans = List.copyOf(spans);
        fxo = List.copyOf(fxo);
        calls = List.copyOf(calls);
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    /**
     * The uplink to the central office as the snapshot saw it.
     *
     * @param state  connected, connecting, or disabled (switched off, or not started yet)
     * @param queued messages waiting in the outbox for the broker's confirmation
     */
    public record Uplink(UplinkState state, long queued) {
        /** No uplink: switched off in the document, or not started yet. */
        public static final Uplink DISABLED = new Uplink(UplinkState.DISABLED, 0);

        public Uplink {
            java.util.Objects.requireNonNull(state, "state");
        }
    }

    public record Board(String state, String reason, String serial, String firmware, Map<String, Long> counters) {
        public Board {
            counters = Map.copyOf(counters);
        }
    }

    /**
     * A PRI span. {@code restartUnacknowledged}: the network ignored the box's last RESTART through
     * T316's retries (channels in service, no RESTART at link-up until one is acknowledged).
     * {@code refusals}: network SETUPs the box refused since it started, by Q.850 cause value.
     */
    public record Span(int span, boolean configured, boolean layer1Up, boolean layer2Up, List<String> alarms,
            int busy, int idle, int blocked, boolean restartUnacknowledged, Map<Integer, Long> refusals) {
        public Span {
            alarms = List.copyOf(alarms);
            refusals = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(refusals));
        }

        /** A span with no restart alarm and no refusals. */
        public Span(int span, boolean configured, boolean layer1Up, boolean layer2Up, List<String> alarms,
                int busy, int idle, int blocked) {
            this(span, configured, layer1Up, layer2Up, alarms, busy, idle, blocked, false, Map.of());
        }
    }

    /** An analog line: its state machine's state (idle, ringing, connected, down...) and line voltage. */
    public record FxoInfo(int port, String state, boolean lineUp) {}

    public record CallInfo(String callId, String trunk, String caller, String called, String state, String queue,
            String agent, Instant since) {}

    /**
     * A queue now: callers waiting and the longest wait, and today's figures from the journal
     * (rebuilt from it after a restart): offered, answered, abandoned, and the service level
     * (answered within 20 s, in percent of the calls whose wait ended).
     */
    public record QueueInfo(String name, int waiting, long longestWaitS, int offeredToday, int answeredToday,
            int abandonedToday, double serviceLevelPercent) {}

    public record AgentInfo(String id, String name, int seat, String state, Instant since, int callsHandled) {}

    /**
     * @param coveragePercent answered calls today with a complete recording, in percent
     * @param coverageGaps    calls (ids) answered today without a complete recording, at most 20
     * @param storageLevel    OK, WARN, CRITICAL, FULL (or UNKNOWN before the first check)
     */
    public record RecordingInfo(boolean healthy, String lastError, long framesLost, double coveragePercent,
            List<String> coverageGaps, String storageLevel, long freeBytes) {
        public RecordingInfo {
            coverageGaps = List.copyOf(coverageGaps);
        }
    }

    /** The snapshot before the box has taken its first one. */
    public static BoxSnapshot empty(Instant now) {
        return new BoxSnapshot(now, now, new Board("STARTING", "", "", "", Map.of()), List.of(), List.of(), List.of(), List.of(),
                List.of(), new RecordingInfo(true, "", 0, 100.0, List.of(), "UNKNOWN", -1), Uplink.DISABLED);
    }
}
