package io.branchbox.firmware.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a document, each with its path. Not thread-safe: one per validation. */
final class ConfigErrors {
    final List<ConfigError> list = new ArrayList<>();

    void add(String path, String msg) {
        list.add(new ConfigError(path, msg));
    }

    void require(boolean ok, String path, String msg) {
        if (!ok) {
            add(path, msg);
        }
    }

    void range(String path, long v, long min, long max) {
        require(v >= min && v <= max, path, v + " is outside " + min + ".." + max);
    }

    void identifier(String path, String v) {
        require(v != null && v.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"), path,
                "'" + v + "' is not an identifier (letters, digits, _ . -, up to 64)");
    }
}
