package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.recording.AlawWav;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one WAV writer's files read back through the box's readers, byte for byte. */
class WavTest {
    private static byte[] alaw(int n) {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
            a[i] = (byte) (i * 37 + 11);
        }
        return a;
    }

    @Test
    void aMonoAlawFileReadsBackAsTheSameSamplesAndPadsAnOddLength() throws Exception {
        byte[] samples = alaw(161);
        byte[] file = Wav.alawFile(samples);
        assertEquals(Wav.ALAW_HEADER_BYTES + 162, file.length, "one pad byte after odd data");
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(file.length - 8, b.getInt(4), "the RIFF size counts the pad byte");
        assertEquals(161, b.getInt(54), "the data size does not");
        assertArrayEquals(samples, WavAudio.toAlaw(file));
    }

    @Test
    void aPcmFileOfAlawSamplesReadsBackAsTheSameAlaw() throws Exception {
        byte[] samples = alaw(320);
        byte[] file = Wav.pcm16File(samples);
        assertEquals(Wav.PCM_HEADER_BYTES + 640, file.length);
        assertArrayEquals(samples, WavAudio.toAlaw(file), "A-law -> linear -> A-law is exact");
        assertEquals(1, WavImport.convert(file).source().channels(), "the upload importer reads it too");
    }

    @Test
    void theStereoAlawHeaderIsTheRecordingLayout() throws Exception {
        byte[] data = alaw(640);
        ByteBuffer file = ByteBuffer.allocate(Wav.ALAW_HEADER_BYTES + data.length);
        file.put(Wav.alawHeader(2, data.length)).put(data).flip();
        AlawWav.Header h = AlawWav.parse(file.duplicate());
        assertTrue(h.isBoxLayout());
        assertTrue(h.sizesMatch(data.length));
        List<byte[]> channels = WavAudio.channelsToAlaw(file.array());
        assertEquals(2, channels.size());
        assertEquals(data[0], channels.get(0)[0]);
        assertEquals(data[1], channels.get(1)[0]);
    }

    @Test
    void aSizeBeyondWhatRiffCanSayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Wav.alawHeader(1, 0xFFFF_FFFFL));
        assertThrows(IllegalArgumentException.class, () -> Wav.pcm16Header(1, -2));
    }
}
