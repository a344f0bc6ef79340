package io.branchbox.drivers.cb1.frame;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only framing without the encoder's length rules, to build frames a correct sender never
 * sends (too short, too long), and a sink that keeps copies of what it receives.
 */
public final class RawFrames {

    private RawFrames() {}

    /** Flag, stuffed {@code content} and its FCS, flag: for any content length. */
    public static byte[] frame(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7E);
        for (byte b : content) {
            stuff(out, b);
        }
        int fcs = Fcs16.compute(content, 0, content.length);
        stuff(out, (byte) fcs);
        stuff(out, (byte) (fcs >>> 8));
        out.write(0x7E);
        return out.toByteArray();
    }

    private static void stuff(ByteArrayOutputStream out, byte b) {
        if (b == 0x7E || b == 0x7D) {
            out.write(0x7D);
            out.write(b ^ 0x20);
        } else {
            out.write(b);
        }
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A sink that copies every frame it gets, since the decoder reuses its buffer. */
    public static final class Collecting implements FrameSink {
        public final List<byte[]> frames = new ArrayList<>();

        @Override
        public void onFrame(byte[] content, int off, int len) {
            byte[] copy = new byte[len];
            System.arraycopy(content, off, copy, 0, len);
            frames.add(copy);
        }
    }
}
