package io.branchbox.firmware.isdn.q931;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Cause (identifier 0x08): why a call is cleared or a message answered.
 *
 * <p>{@code codingStandard} 0 is ITU-T. {@code value} is the 7-bit cause value as on the wire
 * ({@link #cause()} gives it as a {@link Q850Cause}). {@code diagnostics} are the octets after the cause value, copied.
 */
public record Cause(int codingStandard, Location location, int value, byte[] diagnostics) implements InformationElement {

    public static final int ID = 0x08;

    public Cause {
        diagnostics = diagnostics.clone();
        if (value < 0 || value > 127) {
            throw new IllegalArgumentException("cause value " + value);
        }
    }

    /** A cause the box generates: ITU-T coding, location "user". */
    public static Cause user(Q850Cause cause) {
        return new Cause(0, Location.USER, cause.value(), new byte[0]);
    }

    /** A user cause whose diagnostic names an information element identifier (causes 96, 99, 100). */
    public static Cause userAboutIe(Q850Cause cause, int ieIdentifier) {
        return new Cause(0, Location.USER, cause.value(), new byte[] {(byte) ieIdentifier});
    }

    /** The cause value as the box's one cause type. */
    public Q850Cause cause() {
        return Q850Cause.of(value);
    }

    @Override
    public byte[] diagnostics() {
        return diagnostics.clone();
    }

    @Override
    public int identifier() {
        return ID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cause c && c.codingStandard == codingStandard && c.location == location
                && c.value == value && Arrays.equals(c.diagnostics, diagnostics);
    }

    @Override
    public int hashCode() {
        return value * 31 + location.hashCode();
    }

    @Override
    public String toString() {
        return "Cause[" + value + " " + location + (diagnostics.length > 0 ? " diag=" + HexFormat.of().formatHex(diagnostics) : "") + "]";
    }

    /** Location, octet 3 bits 4-1 (also used by the progress indicator). */
    public enum Location {
        USER(0), PRIVATE_LOCAL(1), PUBLIC_LOCAL(2), TRANSIT(3), PUBLIC_REMOTE(4), PRIVATE_REMOTE(5),
        INTERNATIONAL(7), BEYOND_INTERWORKING(10);

        private final int code;

        Location(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static Location fromCode(int code) {
            for (Location l : values()) {
                if (l.code == code) {
                    return l;
                }
            }
            return null;
        }
    }
}
