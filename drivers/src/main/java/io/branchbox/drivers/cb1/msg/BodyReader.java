package io.branchbox.drivers.cb1.msg;

import io.branchbox.drivers.cb1.msg.Cb1ProtocolException.Reason;
import java.util.Arrays;

/**
 * Big-endian cursor over one message body, knowing the header so that every error it raises
 * carries it. Length is checked before reading ({@link #requireLength}), so reads never run past
 * the body.
 */
final class BodyReader {

    private final byte[] b;
    private final int end;
    private int pos;
    final int typeCode;
    final int seq;
    final int unit;
    final int chan;

    BodyReader(byte[] b, int bodyOff, int end, int typeCode, int seq, int unit, int chan) {
        this.b = b;
        this.pos = bodyOff;
        this.end = end;
        this.typeCode = typeCode;
        this.seq = seq;
        this.unit = unit;
        this.chan = chan;
    }

    int remaining() {
        return end - pos;
    }

    /** The rest of the body must be exactly {@code n} bytes. */
    void requireLength(int n) throws Cb1ProtocolException {
        if (remaining() != n) {
            throw error(Reason.BAD_LENGTH, "body of " + remaining() + " bytes, expected " + n);
        }
    }

    /** The rest of the body must be at least {@code n} bytes. */
    void requireAtLeast(int n) throws Cb1ProtocolException {
        if (remaining() < n) {
            throw error(Reason.BAD_LENGTH, "body of " + remaining() + " bytes, expected at least " + n);
        }
    }

    int u8() {
        return b[pos++] & 0xFF;
    }

    int s8() {
        return b[pos++];
    }

    int u16() {
        int v = (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int s16() {
        return (short) u16();
    }

    long u32() {
        long v = (long) u16() << 16;
        return v | u16();
    }

    byte[] bytes(int n) {
        byte[] r = Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return r;
    }

    byte[] rest() {
        return bytes(remaining());
    }

    Cb1ProtocolException error(Reason reason, String message) {
        return new Cb1ProtocolException(reason, describe() + ": " + message, typeCode, seq, unit, chan);
    }

    String describe() {
        MessageType t = MessageType.of(typeCode);
        return (t != null ? t.name() : String.format("type 0x%02x", typeCode)) + " to/from " + Units.name(unit);
    }
}
