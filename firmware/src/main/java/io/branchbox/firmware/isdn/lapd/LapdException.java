package io.branchbox.firmware.isdn.lapd;

import java.util.Optional;

/**
 * A LAPD frame that can never be valid, with the Q.921 condition it breaks.
 *
 * <p>Thrown by {@link LapdCodec#decode} only; {@link LapdLink#receive} is the one place that
 * catches it, counts it and, for the conditions Q.921 maps to an MDL-ERROR, starts recovery.
 * Cheap: no stack trace, because malformed frames are counted, not debugged.
 */
public final class LapdException extends Exception {

    /** Why a frame was refused. */
    public enum Reason {
        /** Fewer than three octets: an invalid frame (Q.921 5.8.1), dropped without recovery. */
        TOO_SHORT(null),
        /** Address extension bits wrong: an invalid frame (Q.921 5.8.1), dropped. */
        BAD_ADDRESS(null),
        /** Control field of no known frame type. */
        UNDEFINED_CONTROL(MdlError.L),
        /** An information field on a frame type that must not carry one (S, SABME, UA, DM, DISC). */
        INFO_NOT_PERMITTED(MdlError.M),
        /** An I or S frame cut short inside its two-octet control field. */
        WRONG_LENGTH(MdlError.N),
        /** Information field longer than N201 = 260 octets. */
        INFO_TOO_LONG(MdlError.O);

        private final MdlError mdlError;

        Reason(MdlError mdlError) {
            this.mdlError = mdlError;
        }

        /** The MDL-ERROR code Q.921 assigns, if any; empty for frames merely discarded. */
        public Optional<MdlError> mdlError() {
            return Optional.ofNullable(mdlError);
        }
    }

    private final Reason reason;

    public LapdException(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
