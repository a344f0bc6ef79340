package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.time.Scheduler;
import java.time.Duration;

/**
 * An agent's side of a call: the agent whose seat rings for it or who talks in it, their headset
 * channel once the board opened it, and the ring-no-answer timer of the offer. An agent who places
 * a call has a leg from the dial on, {@linkplain #dialling() dialling} until the
 * far end answers: only then are they the call's {@link Call#agent()} (the status page shows no
 * agent on an outbound call still ringing out).
 *
 * <p>The agent never changes: another agent (a transfer, the next offer) is another leg. Written
 * only by {@link SeatActions}, {@link AgentCallControl} and {@link OutboundCalls} through the
 * methods below. Not thread-safe: signalling thread only.
 */
final class AgentLeg implements NearLeg {
    private final Agent agent;
    private boolean dialling;
    private AudioChannel channel;
    private boolean closed;
    private Scheduler.Timer ring = Scheduler.Timer.NONE;

    private AgentLeg(Agent agent, boolean dialling, AudioChannel channel) {
        this.agent = agent;
        this.dialling = dialling;
        this.channel = channel;
    }

    /** The seat of {@code agent} is about to ring for the call (an offer, a blind transfer, an internal call). */
    static AgentLeg offered(Agent agent) {
        return new AgentLeg(agent, false, null);
    }

    /** {@code agent} takes the call with a headset already open (a completed attended transfer). */
    static AgentLeg talking(Agent agent, AudioChannel headset) {
        return new AgentLeg(agent, false, headset);
    }

    /** {@code agent} places a call on a trunk from their own headset (open it, then {@link #opened}); see {@link #dialling()}. */
    static AgentLeg dialling(Agent agent) {
        return new AgentLeg(agent, true, null);
    }

    Agent agent() {
        return agent;
    }

    /** Whether the agent is placing the call and the far end has not answered yet. */
    boolean dialling() {
        return dialling;
    }

    @Override
    public AudioChannel channel() {
        return channel;
    }

    /** Rings for at most {@code timeout}, then runs {@code noAnswer} (on the scheduler's thread). */
    void ring(Scheduler scheduler, Duration timeout, Runnable noAnswer) {
        ring.cancel();
        ring = scheduler.schedule(timeout, noAnswer);
    }

    /** The agent answered (or the offer is withdrawn): no more ring timeout. */
    void stopRinging() {
        ring.cancel();
    }

    /** The headset the agent answered (or dials) on is open. */
    void opened(AudioChannel headset) {
        ring.cancel();
        channel = headset;
    }

    /** The far end of the call the agent placed answered: from now on they are the call's agent. */
    void farEndAnswered() {
        dialling = false;
    }

    /**
     * The agent leaves the audio but stays the call's agent (the caller rates them in the survey):
     * the headset closed. Idempotent.
     */
    void closeHeadset(CallContext cx) {
        cx.close(channel);
        channel = null;
    }

    /**
     * The leg is over: the ring stopped, the headset closed (once). The channel stays readable, as
     * the call's seat channel did before the legs, so a late reader plays to a closed channel
     * rather than to null.
     */
    @Override
    public void close(CallContext cx) {
        ring.cancel();
        if (!closed) {
            closed = true;
            cx.close(channel);
        }
    }
}
