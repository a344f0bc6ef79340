package io.branchbox.firmware.isdn.q931;

/**
 * A Q.931 call reference as carried in one message.
 *
 * <p>{@code toOriginator} is the call reference flag: false (0) in messages sent by the side that
 * allocated the value, true (1) in messages sent towards it. Value 0 is the global call reference
 * (RESTART and its acknowledgement). {@code length} is the octet count on the wire: 2 on a PRI.
 */
public record CallReference(int value, boolean toOriginator, int length) {

    /** Call reference length on a primary rate interface. */
    public static final int PRI_LENGTH = 2;

    public CallReference {
        if (length < 0 || length > 2) {
            throw new IllegalArgumentException("call reference length " + length);
        }
        int max = length == 0 ? 0 : (1 << (8 * length - 1)) - 1;
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("call reference " + value + " does not fit " + length + " octet(s)");
        }
    }

    /** A two-octet PRI call reference. */
    public static CallReference pri(int value, boolean toOriginator) {
        return new CallReference(value, toOriginator, PRI_LENGTH);
    }

    /** The global call reference for a PRI. */
    public static CallReference global() {
        return pri(0, false);
    }

    public boolean isGlobal() {
        return value == 0 && length > 0;
    }

    /** The same value seen from the other side: the flag inverted. */
    public CallReference reply() {
        return new CallReference(value, !toOriginator, length);
    }

    @Override
    public String toString() {
        return "cr=" + value + (toOriginator ? "/to-orig" : "/from-orig");
    }
}
