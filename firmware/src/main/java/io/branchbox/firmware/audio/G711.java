package io.branchbox.firmware.audio;

/**
 * ITU-T G.711 companding, A-law (the E1 and the CB-1 board) and μ-law.
 *
 * <p>Values are exact to the standard's tables: {@link #alawToLinear} returns the decision-value
 * mid-points scaled to 16 bits, and {@link #linearToAlaw} picks the segment and the four mantissa
 * bits by truncation as G.711 does, with the even bits inverted ({@code ^ 0x55}). A-law silence
 * on the line is {@code 0xD5} (+0).
 *
 * <p>Thread-safe: pure functions over constant tables. Decoding is a table look-up, so the audio
 * path can call it per sample without allocation.
 */
public final class G711 {
    /** A-law code of positive zero: what the board plays when it has nothing. */
    public static final byte ALAW_SILENCE = (byte) 0xD5;
    /** μ-law code of positive zero. */
    public static final byte ULAW_SILENCE = (byte) 0xFF;

    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final short[] ULAW_TO_LINEAR = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALAW_TO_LINEAR[i] = (short) decodeAlaw(i);
            ULAW_TO_LINEAR[i] = (short) decodeUlaw(i);
        }
    }

    private G711() {}

    /** 16-bit linear sample of an A-law code. */
    public static int alawToLinear(byte code) {
        return ALAW_TO_LINEAR[code & 0xFF];
    }

    /** 16-bit linear sample of a μ-law code. */
    public static int ulawToLinear(byte code) {
        return ULAW_TO_LINEAR[code & 0xFF];
    }

    /** A-law code of a 16-bit linear sample (values outside 16 bits are clipped). */
    public static byte linearToAlaw(int sample) {
        int pcm = clip16(sample) >> 3; // A-law works on 13-bit magnitudes
        int sign;
        if (pcm >= 0) {
            sign = 0x80;
        } else {
            sign = 0x00;
            pcm = -pcm - 1;
        }
        int code;
        if (pcm < 32) {
            code = pcm >> 1;
        } else {
            int seg = 1;
            for (int v = pcm >> 5; v > 1; v >>= 1) {
                seg++;
            }
            code = (seg << 4) | ((pcm >> seg) & 0x0F);
        }
        return (byte) ((sign | code) ^ 0x55);
    }

    /** μ-law code of a 16-bit linear sample (values outside 16 bits are clipped). */
    public static byte linearToUlaw(int sample) {
        int pcm = clip16(sample) >> 2; // μ-law works on 14-bit magnitudes
        int mask;
        if (pcm < 0) {
            pcm = -pcm;
            mask = 0x7F;
        } else {
            mask = 0xFF;
        }
        pcm = Math.min(pcm + 33, 8191 + 33);
        int seg = 0;
        for (int v = pcm >> 6; v > 0; v >>= 1) {
            seg++;
        }
        if (seg > 7) {
            return (byte) (0x7F ^ mask);
        }
        int code = (seg << 4) | ((pcm >> (seg + 1)) & 0x0F);
        return (byte) (code ^ mask);
    }

    /** Decodes {@code n} A-law codes into linear samples. */
    public static void alawToLinear(byte[] in, int inOff, short[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = ALAW_TO_LINEAR[in[inOff + i] & 0xFF];
        }
    }

    /** Encodes {@code n} linear samples as A-law. */
    public static void linearToAlaw(short[] in, int inOff, byte[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = linearToAlaw(in[inOff + i]);
        }
    }

    /** Saturating 16-bit clip, for gain and mixing. */
    public static int clip16(int v) {
        return v > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(v, Short.MIN_VALUE);
    }

    private static int decodeAlaw(int code) {
        int a = code ^ 0x55;
        int seg = (a >> 4) & 0x07;
        int mant = a & 0x0F;
        int mag = seg == 0 ? (mant << 4) + 8 : ((mant << 4) + 0x108) << (seg - 1);
        return (a & 0x80) != 0 ? mag : -mag;
    }

    private static int decodeUlaw(int code) {
        int u = ~code & 0xFF;
        int seg = (u >> 4) & 0x07;
        int mag = ((((u & 0x0F) << 3) + 0x84) << seg) - 0x84;
        return (u & 0x80) != 0 ? -mag : mag;
    }
}
