package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.audio.WavImportException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers built by hand: the odd files and the refusals. */
class WavImportErrorsTest {
    /** "RIFF" + size (patched by {@link #file}) + "WAVE". */
    private static final byte[] RIFF_WAVE = {
            'R', 'I', 'F', 'F',         // chunk id
            0, 0, 0, 0,                 // riff size, patched
            'W', 'A', 'V', 'E',         // form type
    };
    /** fmt chunk: 16-bit PCM mono 8000 Hz. */
    private static final byte[] FMT_PCM16_MONO_8K = {
            'f', 'm', 't', ' ',         // chunk id
            16, 0, 0, 0,                // chunk size 16
            1, 0,                       // format tag 1: PCM
            1, 0,                       // 1 channel
            0x40, 0x1F, 0, 0,           // 8000 Hz
            (byte) 0x80, 0x3E, 0, 0,    // 16000 bytes/s
            2, 0,                       // block align 2
            16, 0,                      // 16 bits per sample
    };
    /** fmt chunk: WAVE_FORMAT_EXTENSIBLE carrying 16-bit PCM mono 8000 Hz. */
    private static final byte[] FMT_EXTENSIBLE_PCM16 = {
            'f', 'm', 't', ' ',         // chunk id
            40, 0, 0, 0,                // chunk size 40
            (byte) 0xFE, (byte) 0xFF,   // format tag 0xFFFE: extensible
            1, 0,                       // 1 channel
            0x40, 0x1F, 0, 0,           // 8000 Hz
            (byte) 0x80, 0x3E, 0, 0,    // 16000 bytes/s
            2, 0,                       // block align 2
            16, 0,                      // 16 bits per container
            22, 0,                      // cbSize 22
            16, 0,                      // 16 valid bits
            4, 0, 0, 0,                 // channel mask: front centre
            1, 0, 0, 0,                 // sub-format GUID Data1: 0x00000001 (PCM)
            0, 0,                       // Data2: 0x0000
            0x10, 0,                    // Data3: 0x0010
            (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71, // Data4: 80 00 00 AA 00 38 9B 71
    };
    /** fmt chunk: MP3 inside a WAV (format 0x55), mono 8000 Hz. */
    private static final byte[] FMT_MP3 = {
            'f', 'm', 't', ' ',         // chunk id
            16, 0, 0, 0,                // chunk size 16
            0x55, 0,                    // format tag 0x0055: MPEG layer 3
            1, 0,                       // 1 channel
            0x40, 0x1F, 0, 0,           // 8000 Hz
            (byte) 0xE8, 0x03, 0, 0,    // 1000 bytes/s
            1, 0,                       // block align 1
            0, 0,                       // 0 bits per sample
    };
    /** fmt chunk: 16-bit PCM mono at 96 kHz, above what is converted. */
    private static final byte[] FMT_PCM16_96K = {
            'f', 'm', 't', ' ',         // chunk id
            16, 0, 0, 0,                // chunk size 16
            1, 0,                       // PCM
            1, 0,                       // 1 channel
            0x00, 0x77, 0x01, 0,        // 96000 Hz
            0x00, (byte) 0xEE, 0x02, 0, // 192000 bytes/s
            2, 0,                       // block align 2
            16, 0,                      // 16 bits
    };
    /** fmt chunk: 16-bit PCM stereo whose block align says 2 (it must be 4). */
    private static final byte[] FMT_BAD_ALIGN = {
            'f', 'm', 't', ' ',         // chunk id
            16, 0, 0, 0,                // chunk size 16
            1, 0,                       // PCM
            2, 0,                       // 2 channels
            0x40, 0x1F, 0, 0,           // 8000 Hz
            0x00, 0x7D, 0, 0,           // 32000 bytes/s
            2, 0,                       // block align 2: wrong
            16, 0,                      // 16 bits
    };
    /** An odd-sized LIST chunk and its pad byte, which readers must skip. */
    private static final byte[] LIST_ODD = {
            'L', 'I', 'S', 'T',         // chunk id
            5, 0, 0, 0,                 // chunk size 5 (odd)
            'I', 'N', 'F', 'O', 'x',    // body
            0,                          // pad byte
    };
    /** Two 16-bit samples: +16384 (-6 dBFS), -16384. */
    private static final byte[] TWO_SAMPLES = {0x00, 0x40, 0x00, (byte) 0xC0};

    @TempDir
    Path dir;

    @Test
    void unknownChunksBeforeAndBetweenAreSkipped() throws Exception {
        byte[] plain = WavImport.convert(file(FMT_PCM16_MONO_8K, data(TWO_SAMPLES))).alaw();
        byte[] padded = WavImport.convert(file(LIST_ODD, FMT_PCM16_MONO_8K, LIST_ODD, data(TWO_SAMPLES))).alaw();

        assertArrayEquals(new byte[] {G711.linearToAlaw(16384), G711.linearToAlaw(-16384)}, plain);
        assertArrayEquals(plain, padded);
    }

    @Test
    void extensiblePcmIsReadLikePlainPcm() throws Exception {
        assertArrayEquals(WavImport.convert(file(FMT_PCM16_MONO_8K, data(TWO_SAMPLES))).alaw(),
                WavImport.convert(file(FMT_EXTENSIBLE_PCM16, data(TWO_SAMPLES))).alaw());
    }

    @Test
    void extensibleWithAForeignSubFormatIsRefused() {
        byte[] fmt = FMT_EXTENSIBLE_PCM16.clone();
        fmt[fmt.length - 1] = 0x00; // GUID no longer ends in ...389B71

        assertRefused(Reason.UNSUPPORTED, "sub-format", file(fmt, data(TWO_SAMPLES)));
    }

    @Test
    void aStreamedDataSizeMeansToTheEndOfTheFile() throws Exception {
        byte[] chunk = data(TWO_SAMPLES);
        chunk[4] = chunk[5] = chunk[6] = chunk[7] = (byte) 0xFF;

        assertEquals(2, WavImport.convert(file(FMT_PCM16_MONO_8K, chunk)).alaw().length);
    }

    @Test
    void somethingThatIsNotAWavIsRefused() {
        assertRefused(Reason.NOT_WAV, "not a WAV", "ID3\u0004 this is an mp3".getBytes());
        assertRefused(Reason.NOT_WAV, "not a WAV", new byte[] {'R', 'I', 'F'});
        assertRefused(Reason.NOT_WAV, "not a WAV", new byte[0]);
    }

    @Test
    void mp3InsideAWavIsRefusedByName() {
        assertRefused(Reason.UNSUPPORTED, "MP3 (format 0x0055)", file(FMT_MP3, data(new byte[100])));
    }

    @Test
    void adpcmMadeBySoxIsRefusedByName() {
        byte[] wav = Sox.tone(dir, 8000, "-e ima-adpcm -c 1", 0.2, "sine 1000 vol 0.5");

        assertRefused(Reason.UNSUPPORTED, "IMA ADPCM", wav);
    }

    @Test
    void ratesAboveFortyEightKilohertzAreRefused() {
        assertRefused(Reason.UNSUPPORTED, "96000 Hz", file(FMT_PCM16_96K, data(TWO_SAMPLES)));
    }

    @Test
    void aBlockAlignThatContradictsTheFormatIsMalformed() {
        assertRefused(Reason.MALFORMED, "block align", file(FMT_BAD_ALIGN, data(new byte[8])));
    }

    @Test
    void dataBeforeFmtIsMalformed() {
        assertRefused(Reason.MALFORMED, "before the fmt", file(data(TWO_SAMPLES), FMT_PCM16_MONO_8K));
    }

    @Test
    void aFileCutInsideItsAudioIsTruncated() {
        byte[] whole = file(FMT_PCM16_MONO_8K, data(new byte[1000]));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 10);

        assertRefused(Reason.TRUNCATED, "cut short", cut);
    }

    @Test
    void aFileCutInsideItsHeaderIsTruncated() {
        byte[] whole = file(FMT_PCM16_MONO_8K, data(TWO_SAMPLES));

        assertRefused(Reason.TRUNCATED, "fmt chunk", java.util.Arrays.copyOf(whole, 12 + 8 + 10));
        assertRefused(Reason.TRUNCATED, "no data chunk", java.util.Arrays.copyOf(whole, 12 + 8 + 16));
    }

    @Test
    void noAudioOrOnlySilenceIsEmpty() {
        assertRefused(Reason.EMPTY, "no audio", file(FMT_PCM16_MONO_8K, data(new byte[0]), LIST_ODD));
        assertRefused(Reason.EMPTY, "silent", file(FMT_PCM16_MONO_8K, data(new byte[1600])));
    }

    @Test
    void promptsLongerThanTenMinutesAreRefused() {
        byte[] samples = new byte[2 * 8000 * (WavImport.MAX_SECONDS + 1)];
        samples[1] = 0x40;

        assertRefused(Reason.TOO_LONG, "at most 600 s", file(FMT_PCM16_MONO_8K, data(samples)));
    }

    private static void assertRefused(Reason reason, String inMessage, byte[] wav) {
        WavImportException e = assertThrows(WavImportException.class, () -> WavImport.convert(wav));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(inMessage), e.getMessage());
    }

    private static byte[] data(byte[] samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'d', 'a', 't', 'a'});
        out.writeBytes(le32(samples.length));
        out.writeBytes(samples);
        if ((samples.length & 1) != 0) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] file(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RIFF_WAVE);
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        byte[] wav = out.toByteArray();
        System.arraycopy(le32(wav.length - 8), 0, wav, 4, 4);
        return wav;
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
