package io.branchbox.firmware.store;

/** Which way a call goes, seen from the box. */
public enum CallDirection {
    /** From a trunk (ISDN span or FXO line) into the box. */
    IN,
    /** From the box out to a trunk. */
    OUT,
    /** Between two seats of the box; no trunk involved. */
    INTERNAL
}
