package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.time.Scheduler;
import java.time.Duration;

/**
 * The consultation leg of an attended transfer: the colleague consulted, their headset channel once
 * the board opened it, and the timer of the ring they may not answer. The leg owns the three, and
 * {@link #isCurrent} is the one answer to "is this still the consultation of that call?" that an
 * asynchronous result (a headset opening, a ring timing out) asks before it acts: a call that
 * ended, or a consultation that ended and was replaced by another, drops the late answer.
 *
 * <p>Written only by {@link AgentCallControl}; read by {@link SeatActions} and {@link AgentDesk}
 * through {@link Call#consultAgent()}. Not thread-safe: signalling thread only.
 */
final class ConsultLeg {
    private final Agent agent;
    private AudioChannel channel;
    private Scheduler.Timer ring = Scheduler.Timer.NONE;

    ConsultLeg(Agent agent) {
        this.agent = agent;
    }

    /** The colleague consulted. */
    Agent agent() {
        return agent;
    }

    /** Their headset, or null until the board opened it. */
    AudioChannel channel() {
        return channel;
    }

    /** Whether this leg is still {@code call}'s consultation (the call not ended, no other consultation since). */
    boolean isCurrent(Call call) {
        return !call.ended() && call.consult() == this;
    }

    /** Rings for at most {@code timeout}, then runs {@code noAnswer} (on the scheduler's thread). */
    void ring(Scheduler scheduler, Duration timeout, Runnable noAnswer) {
        ring.cancel();
        ring = scheduler.schedule(timeout, noAnswer);
    }

    /** The colleague answered: no more ring timeout. */
    void answered(AudioChannel headset) {
        ring.cancel();
        channel = headset;
    }

    void stopRinging() {
        ring.cancel();
    }

    /** The transfer completed: the headset becomes the call's agent leg, the leg no longer owns it. */
    AudioChannel handOver() {
        ring.cancel();
        AudioChannel c = channel;
        channel = null;
        return c;
    }

    /** The consultation is over: the ring timer stopped and the headset closed. Idempotent. */
    void close(CallContext cx) {
        ring.cancel();
        cx.close(channel);
        channel = null;
    }
}
