package io.branchbox.firmware.call;

import io.branchbox.firmware.audio.AudioChannel;

/**
 * The far side of a call ({@link Call#trunk()}): its {@link TrunkCall} (the caller on a PRI
 * channel or an FXO line, the called party of an outbound call, or the calling seat of an internal
 * call, {@link SeatLeg}) and the channel that carries its audio once the board opened it. The
 * recording and the caller's keys tap this channel, so the leg's close takes the tap off first.
 *
 * <p>An outbound call has no far leg until the far end answers; the leg never changes after that.
 * {@link #isCurrent} is the check of the board's late answer to opening the far side's channel.
 * Its channel is written only through {@link #opened}. Not thread-safe: signalling thread only.
 */
final class TrunkLeg {
    private final TrunkCall trunk;
    private AudioChannel channel;
    private boolean closed;

    TrunkLeg(TrunkCall trunk) {
        this.trunk = trunk;
    }

    TrunkCall trunk() {
        return trunk;
    }

    /**
     * The far side's channel, or null until the board opened it. After the end it is still the
     * (closed) channel, as before the legs: a late prompt or music played to it does nothing.
     */
    AudioChannel channel() {
        return channel;
    }

    /** Whether this leg is still {@code call}'s far side and the call has not ended. */
    boolean isCurrent(Call call) {
        return !call.ended() && call.far() == this;
    }

    /** The board opened the far side's channel. */
    void opened(AudioChannel c) {
        channel = c;
    }

    /** The call is over: the tap (recording, keys) taken off, the channel closed (once). Idempotent. */
    void close(CallContext cx) {
        if (closed) {
            return;
        }
        closed = true;
        if (channel != null) {
            cx.router.tap(channel, null);
        }
        cx.close(channel);
    }
}
