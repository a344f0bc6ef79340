package io.branchbox.firmware.call;

import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.firmware.isdn.q931.Q850Cause;

/**
 * The party a caller was forwarded to on a trunk (night service to the on-duty phone, an IVR
 * choice): the number dialled, their {@link TrunkCall} once they answered, and its channel once
 * the board opened it. The leg is the call's near leg from the dial on, so the dialler's late
 * answer and the board's late channel ask {@link #isCurrent} alone. The call's end clears them
 * normally.
 *
 * <p>Written only by {@link OutboundCalls}. Not thread-safe: signalling thread only.
 */
final class ForwardLeg implements NearLeg {
    private final String number;
    private TrunkCall far;
    private AudioChannel channel;
    private boolean cleared;
    private boolean closed;

    ForwardLeg(String number) {
        this.number = number;
    }

    /** The number the caller is forwarded to. */
    String number() {
        return number;
    }

    /** The forwarded party answered on {@code trunk}. */
    void answered(TrunkCall trunk) {
        far = trunk;
    }

    @Override
    public AudioChannel channel() {
        return channel;
    }

    void opened(AudioChannel c) {
        channel = c;
    }

    /** Clears the forwarded party with {@code cause}, once (a second clear, or one before the answer, does nothing). */
    void clear(Q850Cause cause) {
        if (far != null && !cleared) {
            cleared = true;
            far.hangup(cause);
        }
    }

    /** Clears the forwarded party normally (unless done before) and closes their channel (once; it stays readable). */
    @Override
    public void close(CallContext cx) {
        clear(Q850Cause.NORMAL_CLEARING);
        if (!closed) {
            closed = true;
            cx.close(channel);
        }
    }
}
