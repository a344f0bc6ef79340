package io.branchbox.firmware.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PromptRecorderTest {
    private static final int FRAME = AudioSource.FRAME;
    /** What the box sends meanwhile; the recorder must ignore it. */
    private static final byte[] TX = filled(FRAME, 0x2A);

    @Test
    void silenceBeforeAndAfterTheSpeechIsTrimmedToTheMargin() {
        PromptRecorder rec = new PromptRecorder();
        feedSilence(rec, 50);              // 1 s of silence before speaking
        byte[] speech = tone(100, 0.25);   // 2 s
        feed(rec, speech);
        feedSilence(rec, 60);              // 1.2 s before the hang-up button

        byte[] kept = rec.finish();

        int margin = PromptRecorder.MARGIN_FRAMES * FRAME;
        assertEquals(speech.length + 2 * margin, kept.length);
        assertArrayEquals(speech, Arrays.copyOfRange(kept, margin, margin + speech.length));
        assertEquals(4200, rec.durationMs(), "the untrimmed length");
    }

    @Test
    void speechAtTheVeryStartKeepsNoInventedMargin() {
        PromptRecorder rec = new PromptRecorder();
        byte[] speech = tone(10, 0.25);
        feed(rec, speech);

        assertArrayEquals(speech, rec.finish());
    }

    @Test
    void lineNoiseBelowTheThresholdCountsAsSilence() {
        PromptRecorder rec = new PromptRecorder();
        feed(rec, tone(50, 0.005));        // about -49 dBFS RMS

        assertEquals(0, rec.finish().length);
    }

    @Test
    void theRecordingStopsAtItsBoundAndSaysSo() {
        PromptRecorder rec = new PromptRecorder(2);
        byte[] speech = tone(150, 0.25);   // 3 s offered, 2 s kept
        feed(rec, speech);

        assertTrue(rec.full());
        assertEquals(2000, rec.durationMs());
        assertArrayEquals(Arrays.copyOf(speech, 16_000), rec.finish());
    }

    @Test
    void framesAfterFinishAreIgnoredAndFinishRepeats() {
        PromptRecorder rec = new PromptRecorder();
        feed(rec, tone(20, 0.25));
        byte[] first = rec.finish();
        feed(rec, tone(20, 0.5));

        assertArrayEquals(first, rec.finish());
        assertFalse(rec.full());
    }

    @Test
    void theAudioPathAllocatesOnlyWholeChunks() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PromptRecorder rec = new PromptRecorder();
        byte[] rx = tone(1, 0.25);
        for (int i = 0; i < 10; i++) {
            rec.frame(rx, 0, TX, 0); // warm up the code path
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 2000; i++) {   // 40 s: five chunks
            rec.frame(rx, 0, TX, 0);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;

        long chunkBytes = PromptRecorder.CHUNK_SECONDS * 8000L;
        assertTrue(allocated < 5 * chunkBytes + 64 * 1024, "allocated " + allocated + " bytes for 2000 frames");
    }

    private static void feed(PromptRecorder rec, byte[] alaw) {
        for (int off = 0; off + FRAME <= alaw.length; off += FRAME) {
            rec.frame(alaw, off, TX, 0);
        }
    }

    private static void feedSilence(PromptRecorder rec, int frames) {
        feed(rec, filled(frames * FRAME, G711.ALAW_SILENCE));
    }

    /** {@code frames} frames of a 440 Hz tone at {@code level} of full scale. */
    private static byte[] tone(int frames, double level) {
        byte[] b = new byte[frames * FRAME];
        for (int i = 0; i < b.length; i++) {
            b[i] = G711.linearToAlaw((int) Math.round(level * 32767 * Math.sin(2 * Math.PI * 440 * i / 8000)));
        }
        return b;
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
