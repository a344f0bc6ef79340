package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** China's call-progress tones are recognised by cadence, and speech rhythm is not a busy tone. */
class ToneDetectorTest {
    private static final TonePlan CHINA = TonePlan.china();

    private static List<String> detect(byte[] alaw) {
        List<String> out = new ArrayList<>();
        ToneDetector d = new ToneDetector(CHINA, (name, at) -> out.add(name + "@" + at * 1000 / Signals.SAMPLE_RATE));
        TestAudio.feed(alaw, d::process);
        return out;
    }

    private static List<String> names(byte[] alaw) {
        return detect(alaw).stream().map(s -> s.substring(0, s.indexOf('@'))).toList();
    }

    private static byte[] withLeadIn(byte[] tone, int leadMs, long noiseSeed) {
        float[] pcm = new float[TestAudio.samples(leadMs) + tone.length];
        for (int i = 0; i < tone.length; i++) {
            pcm[pcm.length - tone.length + i] = io.branchbox.firmware.audio.G711.alawToLinear(tone[i]);
        }
        // a quiet line: noise 35 dB below the tone
        TestAudio.addNoise(pcm, -45, new Random(noiseSeed));
        return Signals.toAlaw(pcm);
    }

    @ParameterizedTest
    @CsvSource({"dial, 3000", "busy, 3000", "congestion, 4000", "ringback, 11000", "vacant, 4000"})
    void eachChinaToneIsRecognisedOnceByName(String name, int ms) {
        byte[] tone = ToneGenerator.render(CHINA.tone(name).orElseThrow(), ms);
        assertEquals(List.of(name), names(withLeadIn(tone, 700, 1)));
    }

    @ParameterizedTest
    @CsvSource({"busy, 700, 1420", "congestion, 700, 2820", "dial, 700, 1520", "vacant, 700, 1420",
        "ringback, 700, 5020"})
    void reportsWhenTheCadenceIsConfirmedAndStampsItsStart(String name, int leadMs, int latestReportMs) {
        // latestReportMs: the cadence's confirm time after the tone started, plus one 20 ms block
         byte[] tone = ToneGenerator.render(CHINA.tone(name).orElseThrow(), 12000);
        List<Long> at = new ArrayList<>();
        List<Long> reportedAfter = new ArrayList<>();
        long[] fed = {0};
        ToneDetector d = new ToneDetector(CHINA, (n, sample) -> {
            at.add(sample * 1000 / Signals.SAMPLE_RATE);
            reportedAfter.add(fed[0] * 1000 / Signals.SAMPLE_RATE);
        });
        byte[] alaw = withLeadIn(tone, leadMs, 2);
        for (int off = 0; off < alaw.length; off += TestAudio.FRAME) {
            d.process(alaw, off, TestAudio.FRAME);
            fed[0] += TestAudio.FRAME;
        }
        assertEquals(1, at.size());
        assertTrue(Math.abs(at.get(0) - leadMs) <= 40, "start stamped at " + at.get(0));
        assertTrue(reportedAfter.get(0) - leadMs <= latestReportMs, "reported after " + reportedAfter.get(0) + " ms");
    }

    @Test
    void busyAndCongestionAreNotConfused() {
        assertEquals(List.of("busy"), names(ToneGenerator.render(CHINA.tone("busy").orElseThrow(), 6000)));
        assertEquals(List.of("congestion"), names(ToneGenerator.render(CHINA.tone("congestion").orElseThrow(), 6000)));
    }

    @Test
    void endsATonethatStops() {
        List<String> events = new ArrayList<>();
        ToneDetector d = new ToneDetector(CHINA, new ToneDetector.Listener() {
            @Override
            public void onTone(String name, long sampleIndex) {
                events.add("+" + name);
            }

            @Override
            public void onToneEnd(String name, long sampleIndex) {
                events.add("-" + name);
            }
        });
        byte[] busy = ToneGenerator.render(CHINA.tone("busy").orElseThrow(), 2800);
        byte[] alaw = new byte[busy.length + 8000];
        java.util.Arrays.fill(alaw, io.branchbox.firmware.audio.G711.ALAW_SILENCE);
        System.arraycopy(busy, 0, alaw, 0, busy.length);
        TestAudio.feed(alaw, d::process);
        assertEquals(List.of("+busy", "-busy"), events);
    }

    @Test
    void speechBurstsWithABusyRhythmAreNotBusy() {
        for (long seed = 1; seed <= 5; seed++) {
            float[] voice = new TalkOffAudio(seed).speechBursts(20, 350, 350);
            assertEquals(List.of(), names(Signals.toAlaw(voice)), "seed " + seed);
        }
    }

    @Test
    void twoMinutesOfSpeechAndMusicGiveNoTone() {
        TalkOffAudio audio = new TalkOffAudio(99);
        assertEquals(List.of(), names(Signals.toAlaw(audio.speech(60))));
        assertEquals(List.of(), names(Signals.toAlaw(audio.music(60))));
    }

    @ParameterizedTest
    @CsvSource({"441, -10, -25", "459, -10, -25", "450, -30, -45"})
    void busyWithinTwoPercentAndFifteenDbSnrIsRecognised(double hz, double dbm0, double noiseDbm0) {
        ToneSpec busy = new ToneSpec("busy", hz, dbm0, List.of(350, 350), 2);
        byte[] tone = ToneGenerator.render(busy, 3000);
        float[] pcm = new float[tone.length];
        for (int i = 0; i < tone.length; i++) {
            pcm[i] = io.branchbox.firmware.audio.G711.alawToLinear(tone[i]);
        }
        TestAudio.addNoise(pcm, noiseDbm0, new Random(7));
        assertEquals(List.of("busy"), names(Signals.toAlaw(pcm)));
    }

    @Test
    void aToneFourPercentOffIsNotACallProgressTone() {
        ToneSpec busy = new ToneSpec("busy", 468, -10, List.of(350, 350), 2);
        assertEquals(List.of(), names(ToneGenerator.render(busy, 3000)));
    }

    @Test
    void streamingFillMatchesTheRenderedTone() {
        ToneSpec busy = CHINA.tone("busy").orElseThrow();
        byte[] whole = ToneGenerator.render(busy, 1000);
        byte[] framed = new byte[whole.length];
        ToneGenerator g = new ToneGenerator(busy);
        for (int off = 0; off < framed.length; off += TestAudio.FRAME) {
            g.fill(framed, off, TestAudio.FRAME);
        }
        assertArrayEquals(whole, framed);
    }
}
