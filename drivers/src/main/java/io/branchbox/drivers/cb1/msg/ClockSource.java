package io.branchbox.drivers.cb1.msg;

/** SPAN_CONFIG {@code clock}: where a span takes its transmit clock. */
public enum ClockSource {
    /** Recovered from the line (the exchange is the clock master). */
    LINE(0),
    /** The board's own oscillator (the span is clock master). */
    INTERNAL(1);

    private final int code;

    ClockSource(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The constant with wire code {@code code}, or {@code null} if the datasheet defines none. */
    public static ClockSource of(int code) {
        for (ClockSource v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
