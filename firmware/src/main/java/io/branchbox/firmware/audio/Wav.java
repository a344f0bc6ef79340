package io.branchbox.firmware.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one owner of the WAV (RIFF) format in the box: chunk ids, format tags, and the two headers
 * it writes. Every WAV the box writes goes through here — recordings ({@code recording.AlawWav},
 * stereo A-law), prompt sets ({@code PromptLibrary}, mono A-law), analog line captures
 * ({@code trunk.fxo.LineCapture}, mono A-law), and what browsers play ({@code admin}'s 16-bit PCM
 * copies of recordings and prompts); the readers ({@link WavAudio}, {@link WavImport},
 * {@code AlawWav.parse}) use its ids and tags.
 *
 * <p>The A-law header is always {@value #ALAW_HEADER_BYTES} bytes (fmt with cbSize, then a
 * {@code fact} chunk, because A-law is not PCM); the PCM header the canonical
 * {@value #PCM_HEADER_BYTES}. All numbers little-endian, 8000 Hz. An odd data size is followed by
 * one pad byte, which the RIFF size counts (RIFF's rule); the caller writes the pad.
 *
 * <p>Thread-safe: stateless.
 */
public final class Wav {
    /** Chunk ids as little-endian ints ("RIFF", "WAVE", "fmt ", "fact", "data"). */
    public static final int RIFF = 0x46464952;
    public static final int WAVE = 0x45564157;
    public static final int FMT = 0x20746d66;
    public static final int FACT = 0x74636166;
    public static final int DATA = 0x61746164;

    /** Format tags of the fmt chunk. */
    public static final int FORMAT_PCM = 1;
    public static final int FORMAT_ALAW = 6;
    public static final int FORMAT_ULAW = 7;

    /** The telephone sample rate: every file the box writes. */
    public static final int SAMPLE_RATE = 8000;
    public static final int ALAW_HEADER_BYTES = 58;
    public static final int PCM_HEADER_BYTES = 44;

    private Wav() {}

    /**
     * The {@value #ALAW_HEADER_BYTES}-byte header of 8 kHz G.711 A-law with {@code channels}
     * interleaved channels and {@code dataBytes} of samples, positioned at 0.
     */
    public static ByteBuffer alawHeader(int channels, long dataBytes) {
        checkSize(dataBytes, ALAW_HEADER_BYTES);
        ByteBuffer b = ByteBuffer.allocate(ALAW_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(RIFF).putInt((int) (ALAW_HEADER_BYTES - 8 + dataBytes + (dataBytes & 1))).putInt(WAVE);
        b.putInt(FMT).putInt(18)
                .putShort((short) FORMAT_ALAW).putShort((short) channels)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * channels)
                .putShort((short) channels).putShort((short) 8).putShort((short) 0);
        b.putInt(FACT).putInt(4).putInt((int) (dataBytes / channels));
        b.putInt(DATA).putInt((int) dataBytes);
        return b.flip();
    }

    /**
     * The {@value #PCM_HEADER_BYTES}-byte header of 8 kHz 16-bit PCM with {@code channels}
     * interleaved channels and {@code dataBytes} of samples (2 per sample), positioned at 0.
     */
    public static ByteBuffer pcm16Header(int channels, long dataBytes) {
        checkSize(dataBytes, PCM_HEADER_BYTES);
        ByteBuffer b = ByteBuffer.allocate(PCM_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(RIFF).putInt((int) (PCM_HEADER_BYTES - 8 + dataBytes)).putInt(WAVE);
        b.putInt(FMT).putInt(16).putShort((short) FORMAT_PCM).putShort((short) channels)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * channels * 2)
                .putShort((short) (channels * 2)).putShort((short) 16);
        b.putInt(DATA).putInt((int) dataBytes);
        return b.flip();
    }

    /** A whole mono A-law file of {@code alaw} (with its pad byte when odd). */
    public static byte[] alawFile(byte[] alaw) {
        ByteBuffer b = ByteBuffer.allocate(ALAW_HEADER_BYTES + alaw.length + (alaw.length & 1));
        b.put(alawHeader(1, alaw.length)).put(alaw);
        return b.array();
    }

    /** A whole mono 16-bit PCM file of {@code alaw}'s samples, expanded (browsers play no A-law WAV). */
    public static byte[] pcm16File(byte[] alaw) {
        ByteBuffer b = ByteBuffer.allocate(PCM_HEADER_BYTES + 2 * alaw.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(pcm16Header(1, 2L * alaw.length));
        for (byte a : alaw) {
            b.putShort((short) G711.alawToLinear(a));
        }
        return b.array();
    }

    /** A whole mono 16-bit PCM file of {@code samples}. */
    public static byte[] pcm16File(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(PCM_HEADER_BYTES + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(pcm16Header(1, 2L * samples.length));
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    private static void checkSize(long dataBytes, int header) {
        if (dataBytes < 0 || dataBytes > 0xFFFF_FFFFL - header) {
            throw new IllegalArgumentException("WAV data size out of range: " + dataBytes);
        }
    }
}
