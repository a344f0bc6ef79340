package io.branchbox.admin.recordings;

import io.branchbox.firmware.audio.Wav;
import io.branchbox.firmware.audio.G711;
import io.branchbox.firmware.recording.AlawWav;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Turns the box's stereo A-law WAV ({@link AlawWav}) into a 16-bit linear PCM WAV on the fly, for
 * browsers, which do not play A-law WAV. The output has the canonical 44-byte header (format 1,
 * 2 channels, 8000 Hz, block align 4, 32000 bytes per second) and twice as many data bytes as the
 * input; samples are decoded with {@link G711#alawToLinear} and written little-endian.
 *
 * <p>Stateless and thread-safe; {@link #transcode} blocks on its streams and uses a small buffer
 * per call.
 */
public final class PcmWav {
    /** Size of the PCM header written here. */
    public static final int HEADER_BYTES = Wav.PCM_HEADER_BYTES;
    private static final int CHUNK = 4096;

    private PcmWav() {}

    /** Size of the PCM WAV made from {@code alawDataBytes} bytes of A-law samples. */
    public static long size(long alawDataBytes) {
        return HEADER_BYTES + 2 * alawDataBytes;
    }

    /** The A-law sample bytes a box WAV of {@code fileBytes} holds (whole sample frames only). */
    public static long alawDataBytes(long fileBytes) {
        long data = Math.max(0, fileBytes - AlawWav.HEADER_BYTES);
        return data - data % AlawWav.BLOCK_ALIGN;
    }

    /**
     * Reads a box WAV whose samples are {@code alawDataBytes} long from {@code in} and writes it
     * as PCM to {@code out} (left open, flushed). Throws when the header is not the box's layout
     * or the stream ends early.
     */
    public static void transcode(InputStream in, long alawDataBytes, OutputStream out) throws IOException {
        byte[] head = in.readNBytes(AlawWav.HEADER_BYTES);
        AlawWav.Header h = AlawWav.parse(ByteBuffer.wrap(head));
        if (h == null || !h.isBoxLayout()) {
            throw new IOException("not a recording in the box's A-law stereo layout");
        }
        out.write(header(alawDataBytes));
        byte[] alaw = new byte[CHUNK];
        byte[] pcm = new byte[2 * CHUNK];
        long left = alawDataBytes;
        while (left > 0) {
            int n = in.readNBytes(alaw, 0, (int) Math.min(CHUNK, left));
            if (n == 0) {
                throw new EOFException("recording ended " + left + " byte(s) early");
            }
            for (int i = 0; i < n; i++) {
                int v = G711.alawToLinear(alaw[i]);
                pcm[2 * i] = (byte) v;
                pcm[2 * i + 1] = (byte) (v >> 8);
            }
            out.write(pcm, 0, 2 * n);
            left -= n;
        }
        out.flush();
    }

    /** The 44-byte header of a stereo 16-bit 8 kHz PCM WAV with {@code alawDataBytes * 2} data bytes. */
    static byte[] header(long alawDataBytes) {
        return Wav.pcm16Header(AlawWav.CHANNELS, 2 * alawDataBytes).array();
    }
}
