package io.branchbox.drivers.cb1.msg;

/** FXO_EVENT {@code event}: what an FXO port observed on its line. */
public enum FxoEventKind {
    /** Ring voltage present (debounced 50 ms); the host works out cadence and ring count. */
    RING_START(1),
    /** Ring voltage gone (debounced 50 ms). */
    RING_STOP(2),
    POLARITY_REVERSAL(3),
    /** Loop current lost for more than 100 ms while off-hook: the exchange dropped the line. */
    LOOP_OPEN(4),
    /** Line voltage present. */
    LINE_UP(5),
    /** No line voltage: cable pulled or line dead. */
    LINE_DOWN(6);

    private final int code;

    FxoEventKind(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The constant with wire code {@code code}, or {@code null} if the datasheet defines none. */
    public static FxoEventKind of(int code) {
        for (FxoEventKind v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
