package io.branchbox.firmware.uplink;

import java.util.Map;
import java.util.Objects;

/**
 * An alarm event for the central office: raised with a severity, or cleared.
 *
 * @param code     stable machine code, e.g. {@code "E1_LOS"} or {@code "DISK_FULL"}; the office keys
 *                 its alarm list on site, box and code
 * @param severity {@link Severity#CLEARED} ends an earlier alarm with the same code
 * @param text     one human-readable line for the office dashboard
 * @param details  extra JSON-simple values (strings, numbers, booleans, lists, maps); may be empty
 */
public record Alarm(String code, Severity severity, String text, Map<String, ?> details) {

    /** ITU-T X.733 style severities, plus CLEARED. */
    public enum Severity { CRITICAL, MAJOR, MINOR, WARNING, CLEARED }

    public Alarm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
