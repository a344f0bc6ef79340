package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WavAudioTest {

    private static byte[] wav(int format, int channels, int rate, int bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + data.length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.putInt(0x61746164).putInt(data.length).put(data);
        return b.array();
    }

    @Test
    void pcm16IsConvertedToAlaw() throws IOException {
        byte[] pcm = {0, 0, (byte) 0xFF, 0x7F}; // 0, +32767
        byte[] alaw = WavAudio.toAlaw(wav(1, 1, 8000, 16, pcm));
        assertEquals(2, alaw.length);
        assertEquals((byte) 0xD5, alaw[0]);
        assertEquals((byte) 0xAA, alaw[1]);
    }

    @Test
    void stereoOrOtherRatesAreRefusedWithWhatTheFileIs() {
        IOException e = assertThrows(IOException.class, () -> WavAudio.toAlaw(wav(1, 2, 44100, 16, new byte[8])));
        assertTrue(e.getMessage().contains("2 channel(s) at 44100 Hz"), e.getMessage());
        assertThrows(IOException.class, () -> WavAudio.toAlaw(new byte[] {1, 2, 3}));
    }

    @Test
    void shippedPromptsLoad() {
        Prompts p = new Prompts(Path.of("/nonexistent"));
        int greeting = p.get("greeting").length;
        assertTrue(greeting > 8000 * 2 && greeting < 8000 * 8, "greeting is 2..8 s: " + greeting);
        assertThrows(IllegalArgumentException.class, () -> p.get("../etc/passwd"));
    }
}
