package io.branchbox.firmware.uplink;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A credential (broker password, key pass phrase) that must never reach a log line.
 *
 * <p>{@link #toString()} always answers {@code "***"}, so records that hold a {@code Secret}
 * (such as {@link UplinkSettings}) can be logged whole. Only {@link #bytes()} and {@link #chars()}
 * reveal the value; call them at the one place that hands it to the protocol library.
 *
 * <p>Immutable and thread-safe.
 */
public final class Secret {

    /** No credential; {@link #isEmpty()} is true. */
    public static final Secret NONE = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps {@code value}; a null or empty value gives {@link #NONE}. */
    public static Secret of(String value) {
        return value == null || value.isEmpty() ? NONE : new Secret(value);
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The value as UTF-8 bytes, a fresh copy each call (MQTT sends the password as bytes). */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The value as characters, a fresh copy each call (key stores take char arrays). */
    public char[] chars() {
        return value.toCharArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "***";
    }
}
