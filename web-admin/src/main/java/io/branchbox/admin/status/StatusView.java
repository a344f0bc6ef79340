package io.branchbox.admin.status;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One immutable picture of the box for the live status page and {@code GET /api/status}.
 *
 * <p>Plain records so that Jackson writes them as JSON without annotations. States are short
 * lower-case words chosen by the firmware (for example {@code "running"}, {@code "ringing"},
 * {@code "idle"}); pages show them by their catalogue names. Instants are epoch milliseconds on
 * the box's clock; pages count "for how long" from {@code takenAtEpochMs}, never from the
 * browser's clock (which may be wrong by hours). Optional texts (a withheld caller
 * number, a call not yet queued) are {@code null}; lists and maps are never {@code null}.
 *
 * @param board             the telephony board
 * @param spans             E1/T1 spans, in span order
 * @param calls             calls in progress
 * @param queues            ACD queues
 * @param agents            logged-in agents
 * @param recording         recording health
 * @param uplink            link to the central office
 * @param uptimeSeconds     seconds since the firmware started
 * @param versions          component name to version, e.g. {@code "firmware" -> "1.4.2"}
 * @param takenAtEpochMs    when the snapshot was taken
 * @param alarms            alarms raised now, most severe first, each with since when
 */
public record StatusView(
        Board board,
        List<Span> spans,
        List<Call> calls,
        List<Queue> queues,
        List<Agent> agents,
        Recording recording,
        Uplink uplink,
        long uptimeSeconds,
        Map<String, String> versions,
        long takenAtEpochMs,
        List<Alarm> alarms) {

    /** A picture without alarms. */
    public StatusView(Board board, List<Span> spans, List<Call> calls, List<Queue> queues, List<Agent> agents,
            Recording recording, Uplink uplink, long uptimeSeconds, Map<String, String> versions, long takenAtEpochMs) {
        this(board, spans, calls, queues, agents, recording, uplink, uptimeSeconds, versions, takenAtEpochMs, List.of());
    }

    /**
     * An alarm raised now.
     *
     * @param code         stable code (the office's too), e.g. {@code "E1_SPAN0_ALARM"}, {@code "BOARD_DOWN"}
     * @param severity     {@code CRITICAL}, {@code MAJOR}, {@code MINOR} or {@code WARNING}
     * @param text         the engine's one line (English; pages name the code from their catalogue)
     * @param sinceEpochMs when the condition was first seen
     */
    public record Alarm(String code, String severity, String text, long sinceEpochMs) {}

    public StatusView {
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
        Objects.requireNonNull(board, "board");
        spans = List.copyOf(spans);
        calls = List.copyOf(calls);
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(uplink, "uplink");
        versions = sorted(versions);
    }

    /** The picture shown before the core has published anything: every part "unknown". */
    public static StatusView empty() {
        return new StatusView(
                new Board("unknown", null, null, null, Map.of()),
                List.of(), List.of(), List.of(), List.of(),
                new Recording(false, 0.0, 0L),
                new Uplink("unknown", 0),
                0L, Map.of(), 0L);
    }

    /**
     * The telephony board.
     *
     * @param state    e.g. {@code "running"}, {@code "booting"}, {@code "fault"}
     * @param reason   why it is in that state when not running normally, else {@code null}
     * @param serial   board serial number, {@code null} until the board has answered
     * @param firmware board firmware version, {@code null} until the board has answered
     * @param counters named event counters (CRC errors, resets, ...), shown sorted by name
     */
    public record Board(String state, String reason, String serial, String firmware, Map<String, Long> counters) {
        public Board {
            Objects.requireNonNull(state, "state");
            counters = sorted(counters);
        }
    }

    /**
     * One E1/T1 span.
     *
     * @param id              span number as printed on the board
     * @param configured      whether the technician enabled it
     * @param alarms          active alarms, e.g. {@code "LOS"}, {@code "AIS"}, {@code "RAI"}
     * @param layer2Up        whether the D-channel data link is established
     * @param channelsBusy    B-channels carrying a call
     * @param channelsIdle    B-channels free for a call
     * @param channelsBlocked B-channels out of service
     * @param refusalsByCause network SETUPs the box refused since it started, by Q.850 cause ("44")
     */
    public record Span(int id, boolean configured, List<String> alarms, boolean layer2Up,
                       int channelsBusy, int channelsIdle, int channelsBlocked, java.util.Map<String, Long> refusalsByCause) {
        public Span {
            alarms = List.copyOf(alarms);
            refusalsByCause = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(refusalsByCause));
        }

        /** A span that refused nothing. */
        public Span(int id, boolean configured, List<String> alarms, boolean layer2Up,
                    int channelsBusy, int channelsIdle, int channelsBlocked) {
            this(id, configured, alarms, layer2Up, channelsBusy, channelsIdle, channelsBlocked, java.util.Map.of());
        }
    }

    /**
     * One call in progress.
     *
     * @param callId       firmware call identifier
     * @param trunk        span/channel or analog line, e.g. {@code "E1-1/5"}, {@code "FXO-2"}
     * @param callerNumber calling number, {@code null} when withheld or unknown
     * @param state        e.g. {@code "ringing"}, {@code "queued"}, {@code "connected"}
     * @param queue        ACD queue, {@code null} when not queued
     * @param agent        agent id, {@code null} when no agent has it
     * @param sinceEpochMs when the call entered its current state
     */
    public record Call(String callId, String trunk, String callerNumber, String state, String queue,
                       String agent, long sinceEpochMs) {
        public Call {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * One ACD queue.
     *
     * @param name               queue name
     * @param waiting            callers waiting now
     * @param longestWaitSeconds wait of the longest-waiting caller, 0 when nobody waits
     */
    /** A queue now, with today's figures (from the journal): offered, answered, abandoned, service level in percent. */
    public record Queue(String name, int waiting, long longestWaitSeconds, int offeredToday, int answeredToday,
            int abandonedToday, double serviceLevelPercent) {

        /** A queue without today's figures yet. */
        public Queue(String name, int waiting, long longestWaitSeconds) {
            this(name, waiting, longestWaitSeconds, 0, 0, 0, 100);
        }

        public Queue {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * One logged-in agent.
     *
     * @param id           agent id
     * @param name         display name
     * @param seat         seat or extension the agent works at
     * @param state        e.g. {@code "available"}, {@code "talking"}, {@code "wrap-up"}, {@code "break"}
     * @param sinceEpochMs when the agent entered that state
     */
    public record Agent(String id, String name, String seat, String state, long sinceEpochMs) {
        public Agent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * Recording health.
     *
     * @param healthy              whether every call that should be recorded is being recorded
     * @param coverageTodayPercent recorded calls / calls to record today, 0..100
     * @param freeStorageBytes     free space on the recording volume
     */
    public record Recording(boolean healthy, double coverageTodayPercent, long freeStorageBytes) {}

    /**
     * The link to the central office.
     *
     * @param state  e.g. {@code "connected"}, {@code "connecting"}, {@code "offline"}
     * @param queued reports stored and waiting to be sent
     */
    public record Uplink(String state, int queued) {
        public Uplink {
            Objects.requireNonNull(state, "state");
        }
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        // sorted so that the page and the JSON do not reorder rows from one poll to the next
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
