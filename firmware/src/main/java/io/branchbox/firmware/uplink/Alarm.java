package io.branchbox.firmware.uplink;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An alarm event for the central office: raised with a severity, or cleared.
 *
 * @param code     stable machine code of 1..64 of [A-Z0-9_], e.g. {@code "E1_LOS"} or
 *                 {@code "DISK_FULL"}; the office keys its alarm list on site, box and code
 * @param severity {@link Severity#CLEARED} ends an earlier alarm with the same code
 * @param text     one human-readable line for the office dashboard; cut to 500 characters
 * @param details  extra JSON-simple values (strings, numbers, booleans, lists, maps); may be empty
 */
public record Alarm(String code, Severity severity, String text, Map<String, ?> details) {

    /** ITU-T X.733 style severities, plus CLEARED. */
    public enum Severity { CRITICAL, MAJOR, MINOR, WARNING, CLEARED }

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final int MAX_TEXT = 500;

    public Alarm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("alarm code must be 1..64 of [A-Z0-9_]: " + code);
        }
        text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
