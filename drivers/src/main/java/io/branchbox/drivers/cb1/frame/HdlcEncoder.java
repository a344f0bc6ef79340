package io.branchbox.drivers.cb1.frame;

/**
 * Wraps frame content in the CB-1 link's asynchronous HDLC-like framing (datasheet section 2):
 * {@code 0x7E}, stuffed content, stuffed FCS (least significant byte first), {@code 0x7E}.
 *
 * <p>Only {@code 0x7E} and {@code 0x7D} are escaped ({@code 0x7D}, then the byte XOR
 * {@code 0x20}), as the board does. Every frame gets its own opening and closing flag; the
 * receiver accepts that as well as shared flags.
 *
 * <p>Threading: stateless, safe from any thread. Allocates nothing, so the audio path can frame
 * into a reused buffer.
 */
public final class HdlcEncoder {

    /** Largest unstuffed content (header and body, without FCS) a frame may carry. */
    public static final int MAX_CONTENT = 1100;
    /** Smallest content: the 4-byte message header. */
    public static final int MIN_CONTENT = 4;

    static final int FLAG = 0x7E;
    static final int ESCAPE = 0x7D;
    static final int XOR = 0x20;

    private HdlcEncoder() {}

    /**
     * Worst-case encoded size of {@code contentLen} content bytes: two flags plus every content
     * and FCS byte escaped. A buffer of this size always fits {@link #encode}'s output.
     */
    public static int maxEncodedSize(int contentLen) {
        return 2 + 2 * (contentLen + 2);
    }

    /**
     * Frames {@code len} bytes of {@code content} from {@code off} into {@code out} from
     * {@code outOff} and returns the number of bytes written.
     *
     * @throws IllegalArgumentException if {@code len} is outside 4..1100 (the receiver would drop
     *     the frame) or {@code out} has fewer than {@link #maxEncodedSize} bytes from
     *     {@code outOff}
     */
    public static int encode(byte[] content, int off, int len, byte[] out, int outOff) {
        if (len < MIN_CONTENT || len > MAX_CONTENT) {
            throw new IllegalArgumentException("content length " + len + " outside 4.." + MAX_CONTENT);
        }
        if (out.length - outOff < maxEncodedSize(len)) {
            throw new IllegalArgumentException("output buffer too small for " + len + " content bytes");
        }
        int p = outOff;
        out[p++] = (byte) FLAG;
        for (int i = off, end = off + len; i < end; i++) {
            p = put(out, p, content[i]);
        }
        int fcs = Fcs16.compute(content, off, len);
        p = put(out, p, (byte) fcs);
        p = put(out, p, (byte) (fcs >>> 8));
        out[p++] = (byte) FLAG;
        return p - outOff;
    }

    private static int put(byte[] out, int p, byte b) {
        int v = b & 0xFF;
        if (v == FLAG || v == ESCAPE) {
            out[p] = (byte) ESCAPE;
            out[p + 1] = (byte) (v ^ XOR);
            return p + 2;
        }
        out[p] = b;
        return p + 1;
    }
}
