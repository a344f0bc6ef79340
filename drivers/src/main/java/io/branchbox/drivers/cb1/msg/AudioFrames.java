package io.branchbox.drivers.cb1.msg;

/**
 * Allocation-free access to AUDIO frame content for the 20 ms path (up to 38 channels): read the
 * header and frame number in place, find the samples at {@link #SAMPLES_OFFSET}, and write
 * outgoing content straight into a reused buffer.
 *
 * <p>Layout: type {@code 0x20}, seq, unit, chan, {@code frame_no} u16 big-endian, 160 bytes of
 * A-law. Content that starts with type {@code 0x20} but has another length is not audio for
 * {@link #isAudio}; hand it to {@link Cb1Codec#decode}, which reports {@code BAD_LENGTH}.
 *
 * <p>Threading: stateless, safe from any thread.
 */
public final class AudioFrames {

    /** Content bytes of every AUDIO frame: header, frame number, samples. */
    public static final int CONTENT_LEN = 4 + 2 + 160;
    /** Offset of the first A-law sample within the content. */
    public static final int SAMPLES_OFFSET = 6;

    private static final int TYPE = MessageType.AUDIO.code();

    private AudioFrames() {}

    /** Whether the content is a well-formed AUDIO frame (right type and exact length). */
    public static boolean isAudio(byte[] content, int off, int len) {
        return len == CONTENT_LEN && (content[off] & 0xFF) == TYPE;
    }

    /** The unit byte of audio content at {@code off}. */
    public static int unit(byte[] content, int off) {
        return content[off + 2] & 0xFF;
    }

    /** The chan byte of audio content at {@code off}. */
    public static int chan(byte[] content, int off) {
        return content[off + 3] & 0xFF;
    }

    /** The frame number (0..65535) of audio content at {@code off}. */
    public static int frameNo(byte[] content, int off) {
        return (content[off + 4] & 0xFF) << 8 | (content[off + 5] & 0xFF);
    }

    /**
     * Writes AUDIO content (seq 0, not framed; frame it with the HDLC encoder) into {@code out}
     * from {@code outOff}, taking 160 samples from {@code alaw} at {@code alawOff}, and returns
     * {@link #CONTENT_LEN}. {@code frameNo} is written modulo 65,536, so a caller may simply
     * count up.
     *
     * @throws IllegalArgumentException if {@code unit} or {@code chan} is not a byte value
     * @throws IndexOutOfBoundsException if {@code out} or {@code alaw} is too short
     */
    public static int encode(byte[] out, int outOff, int unit, int chan, int frameNo, byte[] alaw, int alawOff) {
        Fields.u8("unit", unit);
        Fields.u8("chan", chan);
        System.arraycopy(alaw, alawOff, out, outOff + SAMPLES_OFFSET, Audio.SAMPLES);
        out[outOff] = (byte) TYPE;
        out[outOff + 1] = 0;
        out[outOff + 2] = (byte) unit;
        out[outOff + 3] = (byte) chan;
        out[outOff + 4] = (byte) (frameNo >>> 8);
        out[outOff + 5] = (byte) frameNo;
        return CONTENT_LEN;
    }
}
