package io.branchbox.drivers.cb1.msg;

/**
 * The {@code unit} address byte of the message header (datasheet section 3).
 *
 * <p>The codec carries any unit byte unchanged; whether a unit exists on a given board (HELLO
 * says how many spans, FXO and headset ports it has) is for the layers above to check.
 *
 * <p>Threading: stateless, safe from any thread.
 */
public final class Units {

    /** The board itself. */
    public static final int BOARD = 0x00;

    public static final int MAX_SPANS = 4;
    public static final int MAX_FXO = 8;
    public static final int MAX_HEADSETS = 16;

    private static final int SPAN_BASE = 0x10;
    private static final int FXO_BASE = 0x20;
    private static final int HEADSET_BASE = 0x30;

    private Units() {}

    /** Unit of E1 span {@code n} (0..3). */
    public static int span(int n) {
        return SPAN_BASE + checkIndex("span", n, MAX_SPANS);
    }

    /** Unit of FXO port {@code n} (0..7). */
    public static int fxo(int n) {
        return FXO_BASE + checkIndex("fxo", n, MAX_FXO);
    }

    /** Unit of headset port {@code n} (0..15). */
    public static int headset(int n) {
        return HEADSET_BASE + checkIndex("headset", n, MAX_HEADSETS);
    }

    /** What {@code unit} addresses; {@link UnitKind#INVALID} for any value outside the map. */
    public static UnitKind kind(int unit) {
        if (unit == BOARD) {
            return UnitKind.BOARD;
        }
        if (unit >= SPAN_BASE && unit < SPAN_BASE + MAX_SPANS) {
            return UnitKind.SPAN;
        }
        if (unit >= FXO_BASE && unit < FXO_BASE + MAX_FXO) {
            return UnitKind.FXO;
        }
        if (unit >= HEADSET_BASE && unit < HEADSET_BASE + MAX_HEADSETS) {
            return UnitKind.HEADSET;
        }
        return UnitKind.INVALID;
    }

    /** Span, port or headset number of {@code unit}; 0 for the board, -1 for an invalid unit. */
    public static int index(int unit) {
        return switch (kind(unit)) {
            case BOARD -> 0;
            case SPAN -> unit - SPAN_BASE;
            case FXO -> unit - FXO_BASE;
            case HEADSET -> unit - HEADSET_BASE;
            case INVALID -> -1;
        };
    }

    /** A name for logs: "board", "span0", "fxo3", "headset12", or "unit0x45" for invalid units. */
    public static String name(int unit) {
        return switch (kind(unit)) {
            case BOARD -> "board";
            case SPAN -> "span" + index(unit);
            case FXO -> "fxo" + index(unit);
            case HEADSET -> "headset" + index(unit);
            case INVALID -> String.format("unit0x%02x", unit);
        };
    }

    private static int checkIndex(String what, int n, int count) {
        if (n < 0 || n >= count) {
            throw new IllegalArgumentException(what + " number " + n + " outside 0.." + (count - 1));
        }
        return n;
    }
}
