package io.branchbox.drivers.cb1.msg;

import java.util.Arrays;

/**
 * A message whose type code this host does not know, kept with its raw body so the layer above can
 * count it, log it, or (on the board side) answer ACK UNSUPPORTED. {@code typeCode} must not be
 * a code {@link MessageType#of} knows, so that encoding and decoding agree.
 *
 * <p>The body is copied in and out; equality is by content.
 */
public record Unknown(int typeCode, int seq, int unit, int chan, byte[] body) implements Cb1Message {

    public Unknown {
        Fields.u8("typeCode", typeCode);
        if (MessageType.of(typeCode) != null) {
            throw new IllegalArgumentException(
                    String.format("type 0x%02x is %s, not unknown", typeCode, MessageType.of(typeCode)));
        }
        Fields.header(seq, unit, chan);
        Fields.required("body", body);
        body = body.clone();
    }

    @Override
    public MessageType type() {
        return MessageType.UNKNOWN;
    }

    /** A copy of the body after the header. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    void copyBodyTo(byte[] out, int off) {
        System.arraycopy(body, 0, out, off, body.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unknown u && typeCode == u.typeCode && seq == u.seq && unit == u.unit && chan == u.chan
                && Arrays.equals(body, u.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * (31 * typeCode + seq) + unit) + chan) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return String.format("Unknown[type=0x%02x, seq=%d, unit=%s, chan=%d, body=%s]", typeCode, seq,
                Units.name(unit), chan, Fields.hex(body));
    }
}
