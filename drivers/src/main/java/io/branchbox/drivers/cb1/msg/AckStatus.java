package io.branchbox.drivers.cb1.msg;

/**
 * ACK {@code status}: the board's verdict on a host command.
 *
 * <p>{@link #UNKNOWN} stands for a status code this host does not know (a newer board). Such an
 * ACK still completes the command, as a failure, instead of being dropped as malformed, which
 * would make the host resend and finally declare the board failed. {@code UNKNOWN} cannot be
 * encoded.
 */
public enum AckStatus {
    OK(0),
    BAD_UNIT(1),
    BAD_ARGUMENT(2),
    BAD_STATE(3),
    UNSUPPORTED(4),
    BUSY(5),
    /** Not a wire code: any status byte other than 0..5. */
    UNKNOWN(-1);

    private final int code;

    AckStatus(int code) {
        this.code = code;
    }

    /** The byte on the wire; -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    /** Whether the command was carried out. */
    public boolean isOk() {
        return this == OK;
    }

    /** The status with wire code {@code code}; {@link #UNKNOWN} for a code the datasheet does not define. */
    public static AckStatus of(int code) {
        for (AckStatus s : values()) {
            if (s.code == code && s != UNKNOWN) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
