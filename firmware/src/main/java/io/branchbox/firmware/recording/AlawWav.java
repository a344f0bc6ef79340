package io.branchbox.firmware.recording;

import io.branchbox.firmware.audio.Wav;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one WAV layout the box writes: G.711 A-law, 2 channels (caller left, agent/box right),
 * 8000 Hz, 8 bits per sample, so block align 2 and 16000 bytes per second; a {@code fact} chunk
 * because the format is not PCM. The header is always {@value #HEADER_BYTES} bytes:
 *
 * <pre>
 *  0 "RIFF"             4 RIFF size = 50 + data   8 "WAVE"
 * 12 "fmt "            16 18 (fmt chunk size)    20 format tag 6 (WAVE_FORMAT_ALAW)
 * 22 channels 2        24 sample rate 8000       28 byte rate 16000
 * 32 block align 2     34 bits per sample 8      36 cbSize 0
 * 38 "fact"            42 4 (fact chunk size)    46 sample frames = data / 2
 * 50 "data"            54 data size              58 samples L,R,L,R...
 * </pre>
 * All numbers little-endian. Data is always even (whole sample frames), so no pad byte. Stateless.
 */
public final class AlawWav {
    public static final int HEADER_BYTES = Wav.ALAW_HEADER_BYTES;
    public static final int FORMAT_ALAW = Wav.FORMAT_ALAW;
    public static final int CHANNELS = 2;
    public static final int SAMPLE_RATE = Wav.SAMPLE_RATE;
    public static final int BLOCK_ALIGN = 2;
    public static final int BYTES_PER_SECOND = SAMPLE_RATE * BLOCK_ALIGN;
    /** One 20 ms frame of one direction: 160 A-law samples. */
    public static final int FRAME_SAMPLES = 160;
    /** One 20 ms frame of both directions, interleaved. */
    public static final int STEREO_FRAME_BYTES = FRAME_SAMPLES * CHANNELS;
    private static final int RIFF_OVERHEAD = HEADER_BYTES - 8;

    private AlawWav() {}

    /** The header for {@code dataBytes} bytes of interleaved samples (must be even). */
    public static ByteBuffer header(long dataBytes) {
        if (dataBytes < 0 || dataBytes % BLOCK_ALIGN != 0 || dataBytes > 0xFFFF_FFFFL - RIFF_OVERHEAD) {
            throw new IllegalArgumentException("data size " + dataBytes + " is not a whole number of sample frames");
        }
        return Wav.alawHeader(CHANNELS, dataBytes);
    }

    /** Duration of {@code dataBytes} of interleaved samples, in milliseconds. */
    public static long durationMs(long dataBytes) {
        return dataBytes * 1000 / BYTES_PER_SECOND;
    }

    /** The fields of a header as read from a file; see {@link #parse}. */
    public record Header(long riffSize, int formatTag, int channels, int sampleRate, int byteRate,
            int blockAlign, int bitsPerSample, long factSampleFrames, long dataSize) {

        /** Whether this is the layout the box writes, whatever the sizes say. */
        public boolean isBoxLayout() {
            return formatTag == FORMAT_ALAW && channels == CHANNELS && sampleRate == SAMPLE_RATE
                    && byteRate == BYTES_PER_SECOND && blockAlign == BLOCK_ALIGN && bitsPerSample == 8;
        }

        /** Whether every size field agrees with {@code dataBytes} of samples. */
        public boolean sizesMatch(long dataBytes) {
            return riffSize == RIFF_OVERHEAD + dataBytes && dataSize == dataBytes
                    && factSampleFrames == dataBytes / BLOCK_ALIGN;
        }
    }

    /**
     * Reads the first {@value #HEADER_BYTES} bytes of {@code b} (from its position) as the box's
     * header layout; null when the chunk ids are not where the box puts them.
     */
    public static Header parse(ByteBuffer b) {
        if (b.remaining() < HEADER_BYTES) {
            return null;
        }
        ByteBuffer h = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != Wav.RIFF || h.getInt(8) != Wav.WAVE || h.getInt(12) != Wav.FMT || h.getInt(16) != 18
                || h.getInt(38) != Wav.FACT || h.getInt(42) != 4 || h.getInt(50) != Wav.DATA) {
            return null;
        }
        return new Header(Integer.toUnsignedLong(h.getInt(4)), Short.toUnsignedInt(h.getShort(20)),
                Short.toUnsignedInt(h.getShort(22)), h.getInt(24), h.getInt(28),
                Short.toUnsignedInt(h.getShort(32)), Short.toUnsignedInt(h.getShort(34)),
                Integer.toUnsignedLong(h.getInt(46)), Integer.toUnsignedLong(h.getInt(54)));
    }

}
