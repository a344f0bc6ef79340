package io.branchbox.drivers.cb1.msg;

import io.branchbox.drivers.cb1.frame.HdlcEncoder;
import io.branchbox.drivers.cb1.msg.Cb1ProtocolException.Reason;

/**
 * Converts between frame content (the unstuffed bytes inside one HDLC frame, without FCS) and
 * {@link Cb1Message}s, per datasheet sections 3 and 4.
 *
 * <p>Decoding reads the 4-byte header, then hands the body to the small decoder registered for
 * the type byte. Lengths are checked strictly: a body too short or too long for its type (or a
 * HELLO whose {@code fwlen} disagrees with the frame) is {@link Reason#BAD_LENGTH}; an undefined
 * enumeration code or out-of-range value is {@link Reason#BAD_VALUE}; fewer than 4 bytes is
 * {@link Reason#TRUNCATED}. A type code this host does not know becomes an {@link Unknown}
 * message, not an error. Unit and chan bytes are carried as they are; whether they name an
 * existing unit and a sensible channel is for the layers above (the board answers BAD_UNIT).
 *
 * <p>For the 20 ms audio path use {@link AudioFrames}, which allocates nothing.
 *
 * <p>Threading: stateless, safe from any thread.
 */
public final class Cb1Codec {

    /** Bytes of the header: type, seq, unit, chan. */
    public static final int HEADER_LEN = 4;

    private Cb1Codec() {}

    /**
     * Decodes {@code len} bytes of frame content from {@code off}. Does not keep a reference to
     * {@code content}, so it may be the decoder's reusable buffer.
     *
     * @throws Cb1ProtocolException if the content is not a valid message; when the header was
     *     readable the exception carries it
     */
    public static Cb1Message decode(byte[] content, int off, int len) throws Cb1ProtocolException {
        if (len < HEADER_LEN) {
            throw new Cb1ProtocolException(Reason.TRUNCATED, "content of " + len + " bytes has no header");
        }
        int typeCode = content[off] & 0xFF;
        int seq = content[off + 1] & 0xFF;
        int unit = content[off + 2] & 0xFF;
        int chan = content[off + 3] & 0xFF;
        BodyReader r = new BodyReader(content, off + HEADER_LEN, off + len, typeCode, seq, unit, chan);
        if (len > HdlcEncoder.MAX_CONTENT) {
            throw r.error(Reason.BAD_LENGTH, "content of " + len + " bytes, at most " + HdlcEncoder.MAX_CONTENT);
        }
        MessageDecoders.BodyDecoder decoder = MessageDecoders.forType(typeCode);
        if (decoder == null) {
            return new Unknown(typeCode, seq, unit, chan, r.rest());
        }
        try {
            return decoder.decode(r);
        } catch (IllegalArgumentException e) {
            // The records own the value ranges; on the wire a broken range is a protocol error.
            throw r.error(Reason.BAD_VALUE, e.getMessage());
        }
    }

    /** Bytes {@link #encode(Cb1Message, byte[], int)} writes for {@code m}: header and body. */
    public static int contentLength(Cb1Message m) {
        return HEADER_LEN + MessageEncoders.bodyLength(m);
    }

    /**
     * Writes {@code m}'s frame content (not framed; see {@link HdlcEncoder}) into {@code out} from
     * {@code off} and returns the number of bytes written.
     *
     * @throws IllegalArgumentException if the content would exceed 1,100 bytes, {@code out} is too
     *     small, or the message holds a value with no wire form ({@link AckStatus#UNKNOWN})
     */
    public static int encode(Cb1Message m, byte[] out, int off) {
        int len = contentLength(m);
        if (len > HdlcEncoder.MAX_CONTENT) {
            throw new IllegalArgumentException(m.type() + " content of " + len + " bytes, at most "
                    + HdlcEncoder.MAX_CONTENT);
        }
        if (off < 0 || out.length - off < len) {
            throw new IllegalArgumentException("output buffer too small for " + len + " bytes");
        }
        BodyWriter w = new BodyWriter(out, off);
        w.u8(m.typeCode()).u8(m.seq()).u8(m.unit()).u8(m.chan());
        MessageEncoders.writeBody(m, w);
        return w.position() - off;
    }

    /** {@code m}'s frame content in a new array. */
    public static byte[] encode(Cb1Message m) {
        byte[] out = new byte[contentLength(m)];
        encode(m, out, 0);
        return out;
    }
}
