package io.branchbox.firmware.config;

import java.util.List;

/**
 * One problem in a configuration document: where ({@code path}, e.g. "queues[1].wrapUpS"), what
 * ({@code code}, a stable message key such as {@code config.err.range}, with its {@code args}), and
 * an English {@code message} for logs and the command line.
 *
 * <p>The web admin shows the problem beside the field named by {@code path}, in the user's
 * language, by looking {@code code} up in its message catalogue and filling in {@code args}
 * ({0}, {1}, …); the code and the number and meaning of its args never change once released.
 */
public record ConfigError(String path, String code, List<String> args, String message) {
    /** The code of a problem that has no code of its own (kept for callers outside this package). */
    public static final String OTHER = "config.err.other";

    public ConfigError {
        args = List.copyOf(args);
    }

    /** A problem without a catalogue code: shown as {@code message} in every language. */
    public ConfigError(String path, String message) {
        this(path, OTHER, List.of(message), message);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
