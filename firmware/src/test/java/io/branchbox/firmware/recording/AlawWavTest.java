package io.branchbox.firmware.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class AlawWavTest {
    /** The header of a recording holding one 20 ms stereo frame (320 data bytes). */
    private static final byte[] ONE_FRAME_HEADER = {
        'R', 'I', 'F', 'F',             // RIFF chunk id
        0x72, 0x01, 0x00, 0x00,         // RIFF size 370 = 50 + 320
        'W', 'A', 'V', 'E',             // form type
        'f', 'm', 't', ' ',             // fmt chunk id
        0x12, 0x00, 0x00, 0x00,         // fmt chunk size 18 (non-PCM carries cbSize)
        0x06, 0x00,                     // format tag 6 = WAVE_FORMAT_ALAW
        0x02, 0x00,                     // 2 channels: caller left, agent/box right
        0x40, 0x1F, 0x00, 0x00,         // 8000 samples per second
        (byte) 0x80, 0x3E, 0x00, 0x00,  // 16000 bytes per second
        0x02, 0x00,                     // block align 2: one byte per channel
        0x08, 0x00,                     // 8 bits per sample
        0x00, 0x00,                     // cbSize 0: no extra format bytes
        'f', 'a', 'c', 't',             // fact chunk id, required for non-PCM
        0x04, 0x00, 0x00, 0x00,         // fact chunk size 4
        (byte) 0xA0, 0x00, 0x00, 0x00,  // 160 sample frames per channel
        'd', 'a', 't', 'a',             // data chunk id
        0x40, 0x01, 0x00, 0x00,         // data size 320
    };

    @Test
    void headerMatchesTheVectorFieldByField() {
        ByteBuffer h = AlawWav.header(AlawWav.STEREO_FRAME_BYTES);
        byte[] actual = new byte[h.remaining()];
        h.get(actual);
        assertArrayEquals(ONE_FRAME_HEADER, actual);
        assertEquals(AlawWav.HEADER_BYTES, actual.length);
    }

    @Test
    void parseReadsBackWhatHeaderWrote() {
        AlawWav.Header h = AlawWav.parse(ByteBuffer.wrap(ONE_FRAME_HEADER));
        assertTrue(h.isBoxLayout());
        assertTrue(h.sizesMatch(320));
        assertFalse(h.sizesMatch(322));
        assertEquals(160, h.factSampleFrames());
        assertEquals(20, AlawWav.durationMs(h.dataSize()));
    }

    @Test
    void foreignOrShortInputIsNotAHeader() {
        byte[] pcm = ONE_FRAME_HEADER.clone();
        pcm[0] = 'X';
        assertNull(AlawWav.parse(ByteBuffer.wrap(pcm)));
        assertNull(AlawWav.parse(ByteBuffer.wrap(ONE_FRAME_HEADER, 0, 40)));
        byte[] mono = ONE_FRAME_HEADER.clone();
        mono[22] = 1;
        assertFalse(AlawWav.parse(ByteBuffer.wrap(mono)).isBoxLayout());
    }

    @Test
    void halfSampleFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AlawWav.header(321));
    }
}
