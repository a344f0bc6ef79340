package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast {@link DtmfDetector} (half-block Goertzel bins, energy gate) against the direct form
 * kept in {@link ReferenceDtmfDetector}: on random audio both must report the same digits and the
 * same ends at the same sample indices. The audio is made to sit on the limits: tones around the
 * level floor (where the gate acts), around the twist and frequency limits, around the 40 ms
 * duration, with short interruptions, noise, speech and music, fed in frames of random length.
 */
class DtmfDetectorEquivalenceTest {
    private static final String KEYS = "123A456B789C*0#D";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void sameEventsAsTheDirectFormOnDigitsAtTheLimits(long seed) {
        Random r = new Random(seed);
        float[] pcm = digitsAtTheLimits(r, 60);
        List<String> events = assertSameEvents(Signals.toAlaw(pcm), r);
        // the comparison means something only if both digits and rejections occurred
        long digits = events.stream().filter(e -> e.startsWith("digit")).count();
        assertTrue(digits >= 10 && digits < 60, "digits reported: " + digits);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void sameEventsAsTheDirectFormOnSpeechAndMusic(long seed) {
        TalkOffAudio audio = new TalkOffAudio(seed);
        Random r = new Random(seed);
        float[] talk = TestAudio.concat(audio.speech(20), audio.music(20));
        float[] withDigits = TestAudio.concat(talk, digitsAtTheLimits(r, 20), audio.speech(5));
        assertSameEvents(Signals.toAlaw(withDigits), r);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-60, -50, -45, -40, -30, -10})
    void sameEventsAsTheDirectFormOnNoiseWithDigits(double noiseDbm0) {
        Random r = new Random((long) noiseDbm0);
        float[] pcm = digitsAtTheLimits(r, 30);
        TestAudio.addNoise(pcm, noiseDbm0, r);
        assertSameEvents(Signals.toAlaw(pcm), r);
    }

    /** {@code count} digits with random level, twist, frequency error, length and gap. */
    private static float[] digitsAtTheLimits(Random r, int count) {
        List<float[]> parts = new ArrayList<>();
        parts.add(new float[r.nextInt(DtmfDetector.HOP)]);
        for (int i = 0; i < count; i++) {
            double[] f = DtmfGenerator.frequencies(KEYS.charAt(r.nextInt(KEYS.length())));
            double low = -47 + r.nextDouble() * 40;
            double twist = -12 + r.nextDouble() * 19;
            double rowErr = (r.nextDouble() * 2 - 1) * 3;
            double colErr = (r.nextDouble() * 2 - 1) * 3;
            double ms = 15 + r.nextDouble() * 60;
            parts.add(TestAudio.dual(f[0] * (1 + rowErr / 100), low, f[1] * (1 + colErr / 100), low + twist,
                    TestAudio.samples(ms)));
            if (r.nextInt(4) == 0) {
                parts.add(TestAudio.silence(r.nextDouble() * 12));
                parts.add(TestAudio.dual(f[0], low, f[1], low + twist, TestAudio.samples(20 + r.nextDouble() * 40)));
            }
            parts.add(TestAudio.silence(5 + r.nextDouble() * 60));
        }
        return TestAudio.concat(parts.toArray(new float[0][]));
    }

    /** Feeds both detectors the same frames of random length and compares what they report. */
    private static List<String> assertSameEvents(byte[] alaw, Random r) {
        List<String> fast = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        DtmfDetector detector = new DtmfDetector(recorder(fast));
        ReferenceDtmfDetector reference = new ReferenceDtmfDetector(recorder(direct));
        for (int off = 0; off < alaw.length; ) {
            int len = Math.min(alaw.length - off, 1 + r.nextInt(400));
            detector.process(alaw, off, len);
            reference.process(alaw, off, len);
            off += len;
        }
        assertEquals(direct, fast);
        assertEquals(alaw.length, detector.samplesProcessed());
        return fast;
    }

    private static DtmfDetector.Listener recorder(List<String> events) {
        return new DtmfDetector.Listener() {
            @Override
            public void onDigit(char digit, long sampleIndex) {
                events.add("digit " + digit + " at " + sampleIndex);
            }

            @Override
            public void onDigitEnd(char digit, long sampleIndex) {
                events.add("end " + digit + " at " + sampleIndex);
            }
        };
    }
}
