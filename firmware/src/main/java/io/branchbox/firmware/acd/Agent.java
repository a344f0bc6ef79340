package io.branchbox.firmware.acd;

import java.time.Instant;
import java.util.List;

/**
 * One agent and the seat they sit at.
 *
 * <p>Not thread-safe: owned by the signalling thread, like everything in call control.
 */
public final class Agent {
    private final String id;
    private final String name;
    private final int seat;
    private final List<String> queues;
    private AgentState state = AgentState.LOGGED_OUT;
    private Instant since;
    private Instant idleSince;
    private int callsHandled;
    private String callId;

    public Agent(String id, String name, int seat, List<String> queues, Instant now) {
        this.id = id;
        this.name = name;
        this.seat = seat;
        this.queues = List.copyOf(queues);
        this.since = now;
        this.idleSince = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Seat number 1..16 (headset port seat-1), 0 when the agent has none. */
    public int seat() {
        return seat;
    }

    public List<String> queues() {
        return queues;
    }

    public AgentState state() {
        return state;
    }

    public Instant since() {
        return since;
    }

    /** When the agent last became free for a call: the longest-idle strategy orders by this. */
    public Instant idleSince() {
        return idleSince;
    }

    public int callsHandled() {
        return callsHandled;
    }

    /** The call offered to or handled by the agent, or null. */
    public String callId() {
        return callId;
    }

    void setState(AgentState s, Instant now) {
        if (s == AgentState.READY && state != AgentState.READY) {
            idleSince = now;
        }
        if (s == AgentState.ON_CALL && state != AgentState.ON_CALL) {
            callsHandled++;
        }
        state = s;
        since = now;
    }

    void setCallId(String callId) {
        this.callId = callId;
    }
}
