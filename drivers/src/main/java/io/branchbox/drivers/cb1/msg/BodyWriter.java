package io.branchbox.drivers.cb1.msg;

import java.util.Arrays;

/** Big-endian writer into a buffer whose capacity the caller has already checked. */
final class BodyWriter {

    private final byte[] out;
    private int pos;

    BodyWriter(byte[] out, int off) {
        this.out = out;
        this.pos = off;
    }

    int position() {
        return pos;
    }

    BodyWriter u8(int v) {
        out[pos++] = (byte) v;
        return this;
    }

    BodyWriter u16(int v) {
        out[pos] = (byte) (v >>> 8);
        out[pos + 1] = (byte) v;
        pos += 2;
        return this;
    }

    BodyWriter u32(long v) {
        u16((int) (v >>> 16));
        return u16((int) v);
    }

    BodyWriter bytes(byte[] b) {
        System.arraycopy(b, 0, out, pos, b.length);
        pos += b.length;
        return this;
    }

    BodyWriter zeros(int n) {
        Arrays.fill(out, pos, pos + n, (byte) 0);
        pos += n;
        return this;
    }

    /** Leaves {@code n} bytes for a caller that copies straight into the buffer. */
    int skip(int n) {
        int at = pos;
        pos += n;
        return at;
    }

    byte[] buffer() {
        return out;
    }
}
