package io.branchbox.firmware.isdn.q931;

/** Q.931 message types used by EN 300 403 basic call and restart, with their codepoints. */
public enum MessageType {
    ALERTING(0x01),
    CALL_PROCEEDING(0x02),
    PROGRESS(0x03),
    SETUP(0x05),
    CONNECT(0x07),
    SETUP_ACKNOWLEDGE(0x0D),
    CONNECT_ACKNOWLEDGE(0x0F),
    DISCONNECT(0x45),
    RESTART(0x46),
    RELEASE(0x4D),
    RESTART_ACKNOWLEDGE(0x4E),
    RELEASE_COMPLETE(0x5A),
    NOTIFY(0x6E),
    STATUS_ENQUIRY(0x75),
    INFORMATION(0x7B),
    STATUS(0x7D);

    private static final MessageType[] BY_CODE = new MessageType[128];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for {@code code}, or null if the codepoint is not one we implement. */
    public static MessageType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** Whether this type belongs to the clearing messages that get special error handling. */
    public boolean isClearing() {
        return this == DISCONNECT || this == RELEASE || this == RELEASE_COMPLETE;
    }
}
