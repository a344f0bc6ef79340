package io.branchbox.drivers.cb1.msg;

/** What a header's {@code unit} byte addresses (datasheet section 3). */
public enum UnitKind {
    /** {@code 0x00}: the board itself. */
    BOARD,
    /** {@code 0x10..0x13}: E1 span 0..3. */
    SPAN,
    /** {@code 0x20..0x27}: FXO port 0..7. */
    FXO,
    /** {@code 0x30..0x3F}: headset port 0..15. */
    HEADSET,
    /** Any other value; the board answers a command to it with ACK BAD_UNIT. */
    INVALID
}
