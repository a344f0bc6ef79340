package io.branchbox.drivers.cb1.msg;

/**
 * Message types of the CB-1 link with their code and direction (datasheet section 4).
 *
 * <p>{@link #UNKNOWN} is the type of {@link Unknown} messages (a code this host does not know);
 * {@link #of} never returns it.
 */
public enum MessageType {
    HELLO(0x01, Direction.B2H),
    QUERY(0x02, Direction.H2B),
    PING(0x03, Direction.H2B),
    PONG(0x04, Direction.B2H),
    ACK(0x05, Direction.B2H),
    RESET(0x06, Direction.H2B),
    SPAN_CONFIG(0x10, Direction.H2B),
    SPAN_STATUS(0x11, Direction.B2H),
    DCHAN(0x12, Direction.BOTH),
    AUDIO(0x20, Direction.BOTH),
    CHAN_OPEN(0x21, Direction.H2B),
    CHAN_CLOSE(0x22, Direction.H2B),
    FXO_EVENT(0x30, Direction.B2H),
    FXO_HOOK(0x31, Direction.H2B),
    HEADSET_EVENT(0x40, Direction.B2H),
    HEADSET_GAIN(0x41, Direction.H2B),
    BOARD_HEALTH(0x50, Direction.B2H),
    LOG(0x7F, Direction.B2H),
    /** Not on the wire: the type of {@link Unknown}; its code is -1. */
    UNKNOWN(-1, Direction.BOTH);

    /** Who sends a message type. */
    public enum Direction {
        /** Board to host. */
        B2H,
        /** Host to board. */
        H2B,
        /** Either way. */
        BOTH
    }

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            if (t.code >= 0) {
                BY_CODE[t.code] = t;
            }
        }
    }

    private final int code;
    private final Direction direction;

    MessageType(int code, Direction direction) {
        this.code = code;
        this.direction = direction;
    }

    /** The type byte on the wire; -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    public Direction direction() {
        return direction;
    }

    /** Whether the board sends this type. */
    public boolean fromBoard() {
        return direction != Direction.H2B;
    }

    /** Whether the host sends this type. */
    public boolean fromHost() {
        return direction != Direction.B2H;
    }

    /** The type with wire code {@code code}, or {@code null} for a code this host does not know. */
    public static MessageType of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
