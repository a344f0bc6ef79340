package io.branchbox.firmware.dsp;

/**
 * A caller-ID message that cannot be read, with the reason. Thrown by {@link CallerIdParser},
 * caught and counted by {@link CallerIdReceiver}.
 */
public final class CallerIdException extends Exception {
    /** What was wrong. */
    public enum Reason {
        /** Fewer octets than type, length and checksum. */
        TOO_SHORT,
        /** The length octet does not match the octets received. */
        LENGTH_MISMATCH,
        /** Not SDMF (0x04) or MDMF (0x80). */
        UNKNOWN_TYPE,
        /** An MDMF parameter runs past the end of the message. */
        PARAMETER_OVERRUN
    }

    private final Reason reason;

    public CallerIdException(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    /** Why the message was refused. */
    public Reason reason() {
        return reason;
    }
}
