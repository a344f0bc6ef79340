package io.branchbox.admin.recordings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchbox.firmware.recording.AlawWav;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PcmWavTest {
    /** The PCM header for two stereo sample frames of A-law (4 A-law bytes, 8 PCM bytes). */
    private static final byte[] HEADER_FOR_4_ALAW_BYTES = {
            'R', 'I', 'F', 'F',
            44, 0, 0, 0,                 // RIFF size: 36 + 8 data bytes
            'W', 'A', 'V', 'E',
            'f', 'm', 't', ' ',
            16, 0, 0, 0,                 // fmt chunk size
            1, 0,                        // format tag 1: linear PCM
            2, 0,                        // channels: caller left, agent right
            0x40, 0x1F, 0, 0,            // sample rate 8000
            0x00, 0x7D, 0, 0,            // byte rate 32000
            4, 0,                        // block align: 2 channels x 2 bytes
            16, 0,                       // bits per sample
            'd', 'a', 't', 'a',
            8, 0, 0, 0,                  // data size
    };
    /** Two stereo frames of A-law. */
    private static final byte[] ALAW = {
            (byte) 0x80, // +5504
            (byte) 0x2A, // -32256, the most negative A-law value
            (byte) 0xD5, // +8, line silence
            (byte) 0x55, // -8
    };
    /** {@link #ALAW} decoded, 16-bit little-endian. */
    private static final byte[] PCM = {
            (byte) 0x80, 0x15,           // +5504 = 0x1580
            0x00, (byte) 0x82,           // -32256 = 0x8200
            0x08, 0x00,                  // +8
            (byte) 0xF8, (byte) 0xFF,    // -8
    };

    @Test
    void headerIsCanonicalStereoSixteenBitPcm() {
        assertArrayEquals(HEADER_FOR_4_ALAW_BYTES, PcmWav.header(4));
        assertEquals(44 + 8, PcmWav.size(4));
    }

    @Test
    void samplesAreDecodedWithG711InTheirOrder() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcmWav.transcode(new ByteArrayInputStream(alawWav(ALAW)), ALAW.length, out);

        byte[] expected = new byte[HEADER_FOR_4_ALAW_BYTES.length + PCM.length];
        System.arraycopy(HEADER_FOR_4_ALAW_BYTES, 0, expected, 0, HEADER_FOR_4_ALAW_BYTES.length);
        System.arraycopy(PCM, 0, expected, HEADER_FOR_4_ALAW_BYTES.length, PCM.length);
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void longerThanOneChunkIsTranscodedWhole() throws IOException {
        byte[] alaw = new byte[10_000];
        java.util.Arrays.fill(alaw, (byte) 0xD5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcmWav.transcode(new ByteArrayInputStream(alawWav(alaw)), alaw.length, out);
        assertEquals(PcmWav.size(alaw.length), out.size());
        assertEquals(8, out.toByteArray()[out.size() - 2]);
    }

    @Test
    void foreignOrShortFilesAreRefused() {
        byte[] pcmFile = alawWav(ALAW);
        pcmFile[20] = 1;
        assertThrows(IOException.class, () -> PcmWav.transcode(new ByteArrayInputStream(pcmFile), 4, new ByteArrayOutputStream()));
        assertThrows(EOFException.class, () -> PcmWav.transcode(new ByteArrayInputStream(alawWav(ALAW)), 6, new ByteArrayOutputStream()));
        assertEquals(4, PcmWav.alawDataBytes(AlawWav.HEADER_BYTES + 5), "a half sample frame is not played");
        assertEquals(0, PcmWav.alawDataBytes(10));
    }

    private static byte[] alawWav(byte[] samples) {
        byte[] b = new byte[AlawWav.HEADER_BYTES + samples.length];
        AlawWav.header(samples.length).get(b, 0, AlawWav.HEADER_BYTES);
        System.arraycopy(samples, 0, b, AlawWav.HEADER_BYTES, samples.length);
        return b;
    }
}
