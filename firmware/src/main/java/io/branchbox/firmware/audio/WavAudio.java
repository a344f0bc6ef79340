package io.branchbox.firmware.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads mono 8 kHz telephone audio from a WAV file's bytes into A-law: G.711 A-law (format 6)
 * is taken as is, μ-law (7) and 16-bit PCM (1) are converted. Anything else (stereo, other rates)
 * is refused with a message that says what the file is, so a technician knows what to convert.
 *
 * <p>Thread-safe: stateless.
 */
public final class WavAudio {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_ULAW = 7;

    private WavAudio() {}

    /** The audio of {@code wav} as A-law samples. */
    public static byte[] toAlaw(byte[] wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
            throw new IOException("not a RIFF/WAVE file");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            long end = Math.min(wav.length, body + size);
            if (id == 0x20746d66) { // "fmt "
                if (size < 16) {
                    throw new IOException("fmt chunk too short");
                }
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
            } else if (id == 0x61746164) { // "data"
                if (format < 0) {
                    throw new IOException("data chunk before fmt chunk");
                }
                if (channels != 1 || rate != 8000) {
                    throw new IOException("need mono 8000 Hz audio, file has " + channels + " channel(s) at " + rate + " Hz");
                }
                return convert(wav, body, (int) (end - body), format, bits);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new IOException("no data chunk");
    }

    private static byte[] convert(byte[] wav, int off, int len, int format, int bits) throws IOException {
        byte[] out;
        switch (format) {
            case FORMAT_ALAW -> {
                out = new byte[len];
                System.arraycopy(wav, off, out, 0, len);
            }
            case FORMAT_ULAW -> {
                out = new byte[len];
                for (int i = 0; i < len; i++) {
                    out[i] = G711.linearToAlaw(G711.ulawToLinear(wav[off + i]));
                }
            }
            case FORMAT_PCM -> {
                if (bits != 16) {
                    throw new IOException("PCM must be 16-bit, file has " + bits + "-bit");
                }
                out = new byte[len / 2];
                for (int i = 0; i < out.length; i++) {
                    int s = (short) ((wav[off + 2 * i] & 0xFF) | (wav[off + 2 * i + 1] << 8));
                    out[i] = G711.linearToAlaw(s);
                }
            }
            default -> throw new IOException("unsupported WAV format " + format + " (need A-law, u-law or 16-bit PCM)");
        }
        return out;
    }
}
