package io.branchbox.firmware.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads 8 kHz telephone audio from a WAV file's bytes into A-law: G.711 A-law (format 6) is taken
 * as is, μ-law (7) and 16-bit PCM (1) are converted. {@link #toAlaw} takes mono only (prompts);
 * {@link #channelsToAlaw} also splits the box's own stereo recordings (left the caller, right the
 * box or agent). Anything else (more channels, other rates) is refused with a message that says
 * what the file is, so a technician knows what to convert.
 *
 * <p>Thread-safe: stateless.
 */
public final class WavAudio {
    private static final int FORMAT_PCM = Wav.FORMAT_PCM;
    private static final int FORMAT_ALAW = Wav.FORMAT_ALAW;
    private static final int FORMAT_ULAW = Wav.FORMAT_ULAW;

    private WavAudio() {}

    /** The audio of {@code wav} (mono) as A-law samples. */
    public static byte[] toAlaw(byte[] wav) throws IOException {
        java.util.List<byte[]> channels = read(wav, 1);
        return channels.get(0);
    }

    /**
     * The channels of a mono or stereo {@code wav} as A-law samples each: one array for mono, two
     * (left, right) for stereo.
     */
    public static java.util.List<byte[]> channelsToAlaw(byte[] wav) throws IOException {
        return read(wav, 2);
    }

    private static java.util.List<byte[]> read(byte[] wav, int maxChannels) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != Wav.RIFF || b.getInt(8) != Wav.WAVE) {
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
            if (id == Wav.FMT) {
                if (size < 16) {
                    throw new IOException("fmt chunk too short");
                }
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
            } else if (id == Wav.DATA) {
                if (format < 0) {
                    throw new IOException("data chunk before fmt chunk");
                }
                if (channels < 1 || channels > maxChannels || rate != Wav.SAMPLE_RATE) {
                    throw new IOException("need " + (maxChannels == 1 ? "mono" : "mono or stereo") + " 8000 Hz audio, file has "
                            + channels + " channel(s) at " + rate + " Hz");
                }
                java.util.List<byte[]> out = new java.util.ArrayList<>();
                for (int c = 0; c < channels; c++) {
                    out.add(convert(wav, body, (int) (end - body), format, bits, c, channels));
                }
                return out;
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new IOException("no data chunk");
    }

    /** Channel {@code ch} of {@code channels} interleaved ones, as A-law. */
    private static byte[] convert(byte[] wav, int off, int len, int format, int bits, int ch, int channels)
            throws IOException {
        byte[] out;
        switch (format) {
            case FORMAT_ALAW -> {
                out = new byte[len / channels];
                for (int i = 0; i < out.length; i++) {
                    out[i] = wav[off + i * channels + ch];
                }
            }
            case FORMAT_ULAW -> {
                out = new byte[len / channels];
                for (int i = 0; i < out.length; i++) {
                    out[i] = G711.linearToAlaw(G711.ulawToLinear(wav[off + i * channels + ch]));
                }
            }
            case FORMAT_PCM -> {
                if (bits != 16) {
                    throw new IOException("PCM must be 16-bit, file has " + bits + "-bit");
                }
                out = new byte[len / 2 / channels];
                for (int i = 0; i < out.length; i++) {
                    int at = off + 2 * (i * channels + ch);
                    int s = (short) ((wav[at] & 0xFF) | (wav[at + 1] << 8));
                    out[i] = G711.linearToAlaw(s);
                }
            }
            default -> throw new IOException("unsupported WAV format " + format + " (need A-law, u-law or 16-bit PCM)");
        }
        return out;
    }
}
