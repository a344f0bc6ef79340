package io.branchbox.firmware.call;

import io.branchbox.firmware.audio.AudioChannel;

/**
 * The near side of a call: whom the far side ({@link Call#trunk()}) talks to. Usually an agent's
 * headset ({@link AgentLeg}: the agent offered or talking, or the agent dialling out), or a trunk
 * channel to the number a caller was forwarded to ({@link ForwardLeg}). A call has at most one near
 * leg at a time ({@link Call#near()}); a transfer or a missed offer replaces it by another.
 *
 * <p>A leg owns its channel (and its timer, if it has one), and {@link #isCurrent} is the one
 * answer an asynchronous result (a channel the board opened late, a ring timing out) asks before
 * it acts: a call that ended, or a leg since replaced, drops the late answer.
 *
 * <p>Not thread-safe: signalling thread only.
 */
sealed interface NearLeg permits AgentLeg, ForwardLeg {
    /** The leg's channel, or null until the board opened it (or after it was closed). */
    AudioChannel channel();

    /** Whether this leg is still {@code call}'s near leg (the call not ended, no other leg since). */
    default boolean isCurrent(Call call) {
        return !call.ended() && call.near() == this;
    }

    /** The leg is over: its timer stopped, its channel closed, a forwarded party cleared. Idempotent. */
    void close(CallContext cx);
}
