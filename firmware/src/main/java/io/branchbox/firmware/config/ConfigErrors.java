package io.branchbox.firmware.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects every problem of a document, each with its path, code and args (see {@link ConfigError}).
 * Not thread-safe: one per validation.
 */
final class ConfigErrors {
    final List<ConfigError> list = new ArrayList<>();

    /** Adds a problem: {@code code} without the {@code config.err.} prefix, English {@code msg}, catalogue {@code args}. */
    void add(String path, String code, String msg, Object... args) {
        list.add(new ConfigError(path, "config.err." + code, Arrays.stream(args).map(String::valueOf).toList(), msg));
    }

    void require(boolean ok, String path, String code, String msg, Object... args) {
        if (!ok) {
            add(path, code, msg, args);
        }
    }

    void missing(String path) {
        add(path, "missing", "missing");
    }

    void range(String path, long v, long min, long max) {
        require(v >= min && v <= max, path, "range", v + " is outside " + min + ".." + max, v, min, max);
    }

    void identifier(String path, String v) {
        require(v != null && v.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"), path, "identifier",
                "'" + v + "' is not an identifier (letters, digits, _ . -, up to 64)", v);
    }
}
