package io.branchbox.admin.recordings;

/**
 * The one exception of the recordings layer: the request cannot be served, and {@link #reason}
 * says why. The message is fit for the user (no paths of the box, no stack traces).
 */
public final class RecordingsException extends Exception {
    /** Why a recording request failed. */
    public enum Reason {
        /** The call id is not one the recorder could have written. */
        BAD_CALL_ID,
        /** No recording of that call (or its file is deleted or missing). */
        NOT_FOUND,
        /** The recording exists but may not be served (export refused, file outside the recordings directory). */
        REFUSED,
        /** The database or the disk failed. */
        STORAGE
    }

    private final Reason reason;

    public RecordingsException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RecordingsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
