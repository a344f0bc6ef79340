package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.time.Scheduler;
import java.time.Instant;

/**
 * One call in the box, from the trunk's first signal to its end. Its {@link #id()} names it
 * everywhere (logs, journal, call record, recording file, MQTT, web admin). A call keeps its id,
 * its recording and its record through holds, transfers and consultations.
 *
 * <p>The "far side" of a call is its {@link #trunk()}: the caller on a PRI channel or FXO line for
 * inbound calls, the called party for outbound ones, and the calling agent's seat for internal
 * calls. The recording taps the far side's channel, so everything the far side says and hears is
 * in one file whatever happens on the agents' side.
 *
 * <p>Not thread-safe: owned by the signalling thread.
 */
public final class Call {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Call.class);
    /** Where the call is in the box. */
    public enum State {
        ANSWERING, IVR, QUEUED, OFFERED, CONNECTED, HELD, CONSULTING, DIALLING, SURVEY,
        /** The caller leaves a message. */
        VOICEMAIL,
        /** The caller hears that a callback is booked, then the box hangs up. */
        CALLBACK,
        /** The caller is forwarded to a number on a trunk (night service, IVR). */
        FORWARDED,
        /** The caller hears a last message, then the box hangs up. */
        GOODBYE,
        ENDED
    }

    /** Inbound from a trunk, outbound from an agent (click to dial, callback), internal between seats. */
    public enum Direction { IN, OUT, INTERNAL }

    private final String id;
    private final Direction direction;
    private final Instant startedAt;
    /** The far side, or null for an outbound call not yet answered (see {@link #far()}). */
    private TrunkLeg far;
    private String queue;
    private State state = State.ANSWERING;
    private Instant stateSince;
    /** The agent who placed an outbound or internal call. */
    Agent originator;
    /** Whom the far side talks to: an agent's headset or a forwarded party, or null (see {@link #near()}). */
    private NearLeg near;
    /** Attended transfer: the colleague being consulted, or null (see {@link #consult()}). */
    private ConsultLeg consult;
    /** A supervisor listening, whispering or barging, or null (see {@link #monitor()}). */
    private MonitorLeg monitor;
    CallControlPorts.Session recording;
    /** The state's timer (voicemail length, survey answer); see {@link #stateTimer}. */
    private Scheduler.Timer timer = Scheduler.Timer.NONE;
    /** The queue's maximum-wait timer, running while the call waits. */
    Scheduler.Timer waitTimer = Scheduler.Timer.NONE;
    /** Position and expected-wait announcements, while the call waits. */
    Scheduler.Timer announceTimer = Scheduler.Timer.NONE;
    Instant answeredAt;
    Instant connectedAt;
    /** When the caller began waiting for an agent; kept across overflow, requeue and transfer. */
    Instant placeSince;
    int priority;
    /** Whether an agent has talked to the caller (a later queue wait is not an abandon). */
    boolean talked;
    /** The menu session while the caller is in the IVR menus. */
    io.branchbox.firmware.ivr.IvrSession ivr;

    Call(String id, Direction direction, TrunkCall trunk, String queue, Instant startedAt) {
        this.id = id;
        this.direction = direction;
        this.far = trunk == null ? null : new TrunkLeg(trunk);
        this.queue = queue;
        this.startedAt = startedAt;
        this.stateSince = startedAt;
    }

    public String id() {
        return id;
    }

    public Direction direction() {
        return direction;
    }

    /** The far side's trunk; null for an outbound call not yet answered. */
    public TrunkCall trunk() {
        return far == null ? null : far.trunk();
    }

    /** The far side's leg: its trunk and channel; null for an outbound call not yet answered. */
    TrunkLeg far() {
        return far;
    }

    /** The far side's channel (the caller's, the called party's, the calling seat's), or null until open. */
    AudioChannel trunkChannel() {
        return far == null ? null : far.channel();
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

    /** The agent offered or connected, or null (also while the agent who placed the call waits for the far end). */
    public Agent agent() {
        return near instanceof AgentLeg leg && !leg.dialling() ? leg.agent() : null;
    }

    /** The near side: an agent's headset or a forwarded party, or null. */
    NearLeg near() {
        return near;
    }

    /** The near side's agent leg, or null when the near side is none or a forwarded party. */
    AgentLeg agentLeg() {
        return near instanceof AgentLeg leg ? leg : null;
    }

    /** The near side's channel (the agent's headset, the forwarded party's trunk), or null. */
    AudioChannel seatChannel() {
        return near == null ? null : near.channel();
    }

    /**
     * Replaces the near leg ({@code null}: none). The leg replaced is not closed here: whoever
     * replaces it decides (a transfer hands the headset on, a missed offer closes nothing).
     * {@link SeatActions}, {@link AgentCallControl} and {@link OutboundCalls} only.
     */
    void near(NearLeg leg) {
        near = leg;
    }

    /** The agent being consulted for an attended transfer, or null. */
    public Agent consultAgent() {
        return consult == null ? null : consult.agent();
    }

    /** The consultation leg of an attended transfer, or null. */
    ConsultLeg consult() {
        return consult;
    }

    /** Starts ({@code leg}) or ends ({@code null}) the consultation leg; {@link AgentCallControl} only. */
    void consult(ConsultLeg leg) {
        consult = leg;
    }

    /** The supervisor's monitor leg, or null. */
    MonitorLeg monitor() {
        return monitor;
    }

    /** Starts ({@code leg}) or ends ({@code null}) the monitor leg; {@link AgentCallControl} only. */
    void monitor(MonitorLeg leg) {
        monitor = leg;
    }

    /** The far side's number: the caller's for inbound calls, the dialled one otherwise. */
    public String farNumber() {
        if (far == null) {
            return "";
        }
        return direction == Direction.IN ? far.trunk().callingNumber() : far.trunk().calledNumber();
    }

    /** The far end of an outbound call answered on {@code trunk}; {@link OutboundCalls} only. Returns its leg. */
    TrunkLeg answeredOn(TrunkCall trunk) {
        far = new TrunkLeg(trunk);
        return far;
    }

    /** Moves the call to another queue (overflow, transfer). */
    void setQueue(String queue) {
        this.queue = queue;
    }

    /**
     * The one way a call changes state: {@code event} moves it to the state the transition table
     * ({@link CallTransitions}) gives, at {@code now}. An event the table does not allow in the
     * current state is logged and ignored; returns whether it was applied. Callers fire the event
     * before any other side effect, so a refused event changes nothing.
     */
    boolean on(CallEvent event, Instant now) {
        java.util.Optional<State> next = CallTransitions.next(state, event);
        if (next.isEmpty()) {
            LOG.info("call {}: {} ignored in state {}", id, event, state);
            return false;
        }
        timer.cancel(); // armed for the state being left (or re-entered)
        LOG.debug("call {}: {} --{}--> {}", id, state, event, next.get());
        state = next.get();
        stateSince = now;
        return true;
    }

    /**
     * Arms the call's one state timer: {@code then} runs after {@code delay} on the scheduler's
     * thread unless an event moved the call before (any transition through {@link #on} cancels it,
     * the end included), so a timer never acts on a state it was not armed in. Re-arming replaces it.
     */
    void stateTimer(Scheduler scheduler, java.time.Duration delay, Runnable then) {
        timer.cancel();
        timer = scheduler.schedule(delay, then);
    }

    /** Whether the transition table allows {@code event} in the call's current state. */
    boolean allows(CallEvent event) {
        return CallTransitions.next(state, event).isPresent();
    }

    boolean ended() {
        return state == State.ENDED;
    }

    /** Whether an agent is (or was, until the survey) talking to the far side. */
    boolean inConversation() {
        return state == State.CONNECTED || state == State.HELD || state == State.CONSULTING;
    }
}
