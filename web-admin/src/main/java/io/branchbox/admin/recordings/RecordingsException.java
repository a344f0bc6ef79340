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
    private final String key;
    private final java.util.List<Object> args;

    /** A refusal with its reason's own catalogue text ({@code recordings.error.<reason>}). */
    public RecordingsException(Reason reason, String message) {
        this(reason, message, null, keyOf(reason));
    }

    public RecordingsException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, keyOf(reason));
    }

    /**
     * A refusal whose words for the user are the catalogue entry {@code key} with {@code args};
     * {@code message} is for the log only (English, may name the call).
     */
    public RecordingsException(Reason reason, String message, Throwable cause, String key, Object... args) {
        super(message, cause);
        this.reason = reason;
        this.key = key;
        this.args = java.util.List.of(args);
    }

    private static String keyOf(Reason reason) {
        return switch (reason) {
            case BAD_CALL_ID -> "recordings.error.badCallId";
            case NOT_FOUND -> "recordings.error.notFound";
            case REFUSED -> "recordings.error.refused";
            case STORAGE -> "recordings.error.storage";
        };
    }

    public Reason reason() {
        return reason;
    }

    /** The stable code of the refusal: a key of the {@code recordings} catalogue. */
    public String key() {
        return key;
    }

    /** The arguments of {@link #key()}'s text. */
    public Object[] args() {
        return args.toArray();
    }
}
