package io.branchbox.firmware.qa;

/** A QA command that cannot be done, with why: the web admin turns {@link Kind} into its answer. */
public final class QaException extends RuntimeException {
    /** What kind of refusal. */
    public enum Kind {
        /** No such call, score or form. */
        NOT_FOUND,
        /** Bad input: the message says what. */
        INVALID,
        /** Not in a state that allows it (already scored, not disputed). */
        CONFLICT,
        /** Not this user's to do (another agent's result). */
        FORBIDDEN
    }

    private final Kind kind;

    public QaException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
