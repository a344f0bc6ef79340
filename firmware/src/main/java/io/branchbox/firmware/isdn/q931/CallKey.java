package io.branchbox.firmware.isdn.q931;

/**
 * Identifies one call on the interface: the call reference value plus who allocated it
 * ({@code outgoing} true = the box). The same value may be in use once in each direction.
 */
public record CallKey(int value, boolean outgoing) {

    /** The key of the call a received message belongs to (flag 1 = sent to us as originator). */
    static CallKey ofReceived(CallReference ref) {
        return new CallKey(ref.value(), ref.toOriginator());
    }

    /** The call reference the box puts in messages it sends for this call. */
    CallReference toSend() {
        return CallReference.pri(value, !outgoing);
    }

    @Override
    public String toString() {
        return (outgoing ? "out#" : "in#") + value;
    }
}
