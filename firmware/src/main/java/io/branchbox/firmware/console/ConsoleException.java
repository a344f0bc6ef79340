package io.branchbox.firmware.console;

/**
 * A console action that could not be carried out; nothing was changed. {@link #code()} is a
 * stable, machine-readable reason ({@code not-logged-in}, {@code no-call}, {@code seat-taken},
 * {@code busy}, {@code bad-code}, {@code no-such-agent}, {@code no-such-queue}, {@code wrong-state},
 * {@code no-seat}); the message says it in words for the agent.
 */
public final class ConsoleException extends RuntimeException {
    private final String code;

    public ConsoleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
