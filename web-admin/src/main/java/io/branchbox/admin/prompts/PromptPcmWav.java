package io.branchbox.admin.prompts;

import io.branchbox.firmware.audio.G711;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A prompt as browsers play it: 16-bit PCM mono 8 kHz WAV (browsers do not play A-law WAV), with
 * the canonical 44-byte header. Prompts are short, so the whole file is built in memory.
 * Stateless and thread-safe.
 */
final class PromptPcmWav {
    static final int HEADER_BYTES = 44;

    private PromptPcmWav() {}

    static byte[] of(byte[] alaw) {
        int data = 2 * alaw.length;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + data).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16_000)
                .putShort((short) 2).putShort((short) 16);
        b.put(ascii("data")).putInt(data);
        for (byte a : alaw) {
            b.putShort((short) G711.alawToLinear(a));
        }
        return b.array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
