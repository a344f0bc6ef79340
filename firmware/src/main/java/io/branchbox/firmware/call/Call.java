package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.time.Scheduler;
import java.time.Instant;

/**
 * One call in the box, from the trunk's first signal to its end. Its {@link #id()} names it
 * everywhere (logs, journal, call record, recording file, MQTT, web admin).
 *
 * <p>Not thread-safe: owned by the signalling thread.
 */
public final class Call {
    /** Where the call is in the box. */
    public enum State { ANSWERING, IVR, QUEUED, OFFERED, CONNECTED, SURVEY, ENDED }

    private final String id;
    private final TrunkCall trunk;
    private final Instant startedAt;
    private String queue;
    private State state = State.ANSWERING;
    private Instant stateSince;
    Agent agent;
    AudioChannel trunkChannel;
    AudioChannel seatChannel;
    CallControlPorts.Session recording;
    Scheduler.Timer timer = Scheduler.Timer.NONE;
    /** The queue's maximum-wait timer, running while the call waits. */
    Scheduler.Timer waitTimer = Scheduler.Timer.NONE;
    Instant answeredAt;
    Instant connectedAt;

    Call(String id, TrunkCall trunk, String queue, Instant startedAt) {
        this.id = id;
        this.trunk = trunk;
        this.queue = queue;
        this.startedAt = startedAt;
        this.stateSince = startedAt;
    }

    public String id() {
        return id;
    }

    public TrunkCall trunk() {
        return trunk;
    }

    public String queue() {
        return queue;
    }

    public State state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant stateSince() {
        return stateSince;
    }

    /** The agent offered or connected, or null. */
    public Agent agent() {
        return agent;
    }

    /** Moves the call to another queue (overflow). */
    void setQueue(String queue) {
        this.queue = queue;
    }

    void setState(State s, Instant now) {
        state = s;
        stateSince = now;
    }

    boolean ended() {
        return state == State.ENDED;
    }
}
