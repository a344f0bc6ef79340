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
    private final String key;
    private final java.util.List<Object> args;

    /** A refusal with its reason's own catalogue text ({@code prompts.error.<reason>}). */
    public PromptsException(Reason reason, String message) {
        this(reason, message, null, keyOf(reason));
    }

    public PromptsException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, keyOf(reason));
    }

    /**
     * A refusal whose words for the user are the catalogue entry {@code key} with {@code args};
     * {@code message} is for the log only (English).
     */
    public PromptsException(Reason reason, String message, Throwable cause, String key, Object... args) {
        super(message, cause);
        this.reason = reason;
        this.key = key;
        this.args = java.util.List.of(args);
    }

    private static String keyOf(Reason reason) {
        return switch (reason) {
            case BAD_NAME -> "prompts.error.badName";
            case NOT_FOUND -> "prompts.error.notFound";
            case BAD_AUDIO -> "prompts.error.badAudio";
            case READ_ONLY -> "prompts.error.readOnly";
            case STORAGE -> "prompts.error.storage";
            case BUSY -> "prompts.error.busy";
            case UNAVAILABLE -> "prompts.error.unavailable";
        };
    }

    public Reason reason() {
        return reason;
    }

    /** The stable code of the refusal: a key of the {@code prompts} catalogue. */
    public String key() {
        return key;
    }

    /** The arguments of {@link #key()}'s text. */
    public Object[] args() {
        return args.toArray();
    }
}
