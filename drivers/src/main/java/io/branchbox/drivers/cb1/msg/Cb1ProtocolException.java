package io.branchbox.drivers.cb1.msg;

/**
 * A frame whose content is not a valid CB-1 message (datasheet sections 3 and 4).
 *
 * <p>Carries the {@link Reason} and, when the 4-byte header could be read, the header fields, so
 * that the one place that catches it can answer in the protocol's own terms (the board answers a
 * malformed command with seq &ne; 0 by ACK BAD_ARGUMENT; the host counts and drops).
 *
 * <p>Cheap: no stack trace is captured, because bad frames are expected input on a noisy link.
 */
public final class Cb1ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the content was refused. */
    public enum Reason {
        /** Fewer than 4 bytes: not even a header. */
        TRUNCATED,
        /** The body is shorter or longer than its type allows (HELLO: fwlen disagrees). */
        BAD_LENGTH,
        /** A field holds a value the datasheet does not allow. */
        BAD_VALUE,
        /**
         * A type code this host does not know. The codec itself returns {@link Unknown} for those;
         * this reason is for layers above that refuse them.
         */
        UNKNOWN_TYPE
    }

    /** Header field value meaning "not read". */
    public static final int NONE = -1;

    private final Reason reason;
    private final int typeCode;
    private final int seq;
    private final int unit;
    private final int chan;

    /** An error found before or without a readable header. */
    public Cb1ProtocolException(Reason reason, String message) {
        this(reason, message, NONE, NONE, NONE, NONE);
    }

    /** An error in the body of a message whose header was read. */
    public Cb1ProtocolException(Reason reason, String message, int typeCode, int seq, int unit, int chan) {
        super(message, null, false, false);
        this.reason = reason;
        this.typeCode = typeCode;
        this.seq = seq;
        this.unit = unit;
        this.chan = chan;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether {@link #typeCode}, {@link #seq}, {@link #unit} and {@link #chan} were read. */
    public boolean hasHeader() {
        return typeCode != NONE;
    }

    /** The type byte, or {@link #NONE}. */
    public int typeCode() {
        return typeCode;
    }

    /** The seq byte (a command to acknowledge when 1..255), or {@link #NONE}. */
    public int seq() {
        return seq;
    }

    /** The unit byte, or {@link #NONE}. */
    public int unit() {
        return unit;
    }

    /** The chan byte, or {@link #NONE}. */
    public int chan() {
        return chan;
    }
}
