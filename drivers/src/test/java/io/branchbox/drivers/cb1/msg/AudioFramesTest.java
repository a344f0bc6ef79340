package io.branchbox.drivers.cb1.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AudioFramesTest {

    @Test
    void encodesTheSameBytesAsTheCodec() {
        byte[] src = new byte[200];
        System.arraycopy(Cb1CodecVectorsTest.AUDIO_SAMPLES, 0, src, 17, 160);
        byte[] out = new byte[AudioFrames.CONTENT_LEN + 5];
        int n = AudioFrames.encode(out, 5, Units.fxo(0), 0, 258, src, 17);
        assertEquals(AudioFrames.CONTENT_LEN, n);
        assertArrayEquals(Cb1CodecVectorsTest.AUDIO, Arrays.copyOfRange(out, 5, 5 + n));
    }

    @Test
    void readsHeaderAndFrameNumberInPlace() {
        byte[] buf = new byte[3 + AudioFrames.CONTENT_LEN];
        System.arraycopy(Cb1CodecVectorsTest.AUDIO, 0, buf, 3, AudioFrames.CONTENT_LEN);
        assertTrue(AudioFrames.isAudio(buf, 3, AudioFrames.CONTENT_LEN));
        assertEquals(258, AudioFrames.frameNo(buf, 3));
        assertEquals(Units.fxo(0), AudioFrames.unit(buf, 3));
        assertEquals(0, AudioFrames.chan(buf, 3));
        assertEquals(Cb1CodecVectorsTest.AUDIO_SAMPLES[0], buf[3 + AudioFrames.SAMPLES_OFFSET]);
    }

    @Test
    void frameNumberWrapsAt65536() {
        byte[] out = new byte[AudioFrames.CONTENT_LEN];
        AudioFrames.encode(out, 0, Units.span(0), 1, 65536 + 5, new byte[160], 0);
        assertEquals(5, AudioFrames.frameNo(out, 0));
        AudioFrames.encode(out, 0, Units.span(0), 1, 0xFFFF, new byte[160], 0);
        assertEquals(0xFFFF, AudioFrames.frameNo(out, 0));
    }

    @Test
    void otherTypesAndLengthsAreNotAudio() {
        assertFalse(AudioFrames.isAudio(Cb1CodecVectorsTest.PING, 0, Cb1CodecVectorsTest.PING.length));
        assertFalse(AudioFrames.isAudio(Cb1CodecVectorsTest.AUDIO, 0, AudioFrames.CONTENT_LEN - 1));
    }

    @Test
    void refusesUnitOutsideAByte() {
        assertThrows(IllegalArgumentException.class,
                () -> AudioFrames.encode(new byte[200], 0, 256, 0, 0, new byte[160], 0));
    }
}
