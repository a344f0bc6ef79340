package io.branchbox.admin.prompts;

/**
 * The one exception of the prompts layer: the request cannot be served, and {@link #reason} says
 * why. The message is fit for the user (the converter's reason, never a path of the box).
 */
public final class PromptsException extends Exception {
    /** Why a prompt request failed. */
    public enum Reason {
        /** A set or prompt name that does not match {@link PromptsBackend#NAME}. */
        BAD_NAME,
        /** No such prompt in the set (nor in the default set). */
        NOT_FOUND,
        /** The uploaded file cannot be converted to a prompt. */
        BAD_AUDIO,
        /** The built-in set cannot be changed. */
        READ_ONLY,
        /** The disk failed. */
        STORAGE,
        /** The seat cannot record now (nobody there, the agent is ready or on a call, already recording). */
        BUSY,
        /** Recording by phone is not available on this box. */
        UNAVAILABLE
    }

    private final Reason reason;

    public PromptsException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PromptsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
