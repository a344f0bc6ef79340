package io.branchbox.firmware.workorder;

/**
 * A stage or order the book refused, with a machine reason (the pages and the IVR key on it) and
 * a sentence for people. Nothing was journaled when this is thrown.
 */
public final class Refusal extends RuntimeException {
    /** Why. */
    public enum Reason {
        UNKNOWN_ORDER,
        STAGE_NOT_ALLOWED,
        NOT_ENTITLED,
        WRONG_CREW,
        SAME_TIME_AS_PREVIOUS,
        SAME_CALL_AS_PREVIOUS,
        CLOCK_BEHIND,
        BAD_INPUT,
        DUPLICATE_SUBMISSION_DIFFERS
    }

    private final Reason reason;

    public Refusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
