package io.branchbox.firmware.console;

/**
 * A console action that could not be carried out; nothing was changed. {@link #reason()} says
 * why, from the closed vocabulary {@link Refusal}; {@link #code()} is its stable wire code; the
 * message says it in words for the agent.
 */
public final class ConsoleException extends RuntimeException {
    private final Refusal reason;

    public ConsoleException(Refusal reason, String message) {
        super(message);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    /**
     * By wire code, for the call sites written before {@link Refusal}; the code must be one of
     * {@link Refusal}'s (an unknown code throws {@link IllegalArgumentException}).
     */
    public ConsoleException(String code, String message) {
        this(Refusal.ofCode(code), message);
    }

    public Refusal reason() {
        return reason;
    }

    /** The reason's wire code ({@link Refusal#code()}). */
    public String code() {
        return reason.code();
    }
}
