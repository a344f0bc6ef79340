package io.branchbox.drivers.cb1.msg;

/** SPAN_CONFIG {@code framing}: E1 multiframe mode of a span. */
public enum Framing {
    /** CRC-4 multiframe. */
    CRC4_MULTIFRAME(0),
    /** Plain double frame, no CRC-4. */
    NO_CRC4(1);

    private final int code;

    Framing(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The constant with wire code {@code code}, or {@code null} if the datasheet defines none. */
    public static Framing of(int code) {
        for (Framing v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
