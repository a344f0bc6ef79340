package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Q.24 numbers, digit by digit: frequency tolerance, duration, twist, level, noise, gaps. */
class DtmfDetectorTest {
    private static final String ALL = "123A456B789C*0#D";
    private static final double NOMINAL_DBM0 = -10;

    static Stream<Character> digits() {
        return ALL.chars().mapToObj(c -> (char) c);
    }

    /** One digit with the given frequency errors (percent), levels and length, between pauses. */
    private static float[] digit(char d, double rowErr, double colErr, double lowDbm0, double highDbm0, double ms) {
        double[] f = DtmfGenerator.frequencies(d);
        return TestAudio.concat(
                TestAudio.silence(30),
                TestAudio.dual(f[0] * (1 + rowErr / 100), lowDbm0, f[1] * (1 + colErr / 100), highDbm0,
                        TestAudio.samples(ms)),
                TestAudio.silence(60));
    }

    private static String detect(char d, double rowErr, double colErr) {
        return TestAudio.dtmf(digit(d, rowErr, colErr, NOMINAL_DBM0, NOMINAL_DBM0, 60));
    }

    @Test
    void generatorToDetectorRoundTripForAllSixteenDigits() {
        byte[] alaw = new DtmfGenerator(NOMINAL_DBM0).generate(ALL, 50, 50);
        assertEquals(ALL, TestAudio.dtmf(alaw));
    }

    @ParameterizedTest
    @MethodSource("digits")
    void acceptsOnePointFivePercentDeviationOnEitherToneInEitherDirection(char d) {
        for (double row : new double[] {-1.5, 0, 1.5}) {
            for (double col : new double[] {-1.5, 0, 1.5}) {
                assertEquals(String.valueOf(d), detect(d, row, col), "row " + row + "% col " + col + "%");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("digits")
    void rejectsThreePointFivePercentDeviationOnEitherTone(char d) {
        for (double err : new double[] {-3.5, 3.5}) {
            assertEquals("", detect(d, err, 0), "row " + err + "%");
            assertEquals("", detect(d, 0, err), "col " + err + "%");
            assertEquals("", detect(d, err, err), "both " + err + "%");
        }
    }

    /** Every alignment of the tone against the analysis windows (hop 51 samples). */
    static IntStream offsets() {
        return IntStream.range(0, 51).filter(i -> i % 5 == 0);
    }

    @ParameterizedTest
    @MethodSource("offsets")
    void fortyMillisecondDigitsAreAcceptedAtEveryAlignment(int offset) {
        for (char d : ALL.toCharArray()) {
            float[] pcm = TestAudio.concat(new float[offset], digit(d, 0, 0, NOMINAL_DBM0, NOMINAL_DBM0, 40));
            assertEquals(String.valueOf(d), TestAudio.dtmf(pcm), "offset " + offset);
        }
    }

    @ParameterizedTest
    @MethodSource("offsets")
    void twentyMillisecondBurstsAreRejectedAtEveryAlignment(int offset) {
        for (char d : ALL.toCharArray()) {
            float[] pcm = TestAudio.concat(new float[offset], digit(d, 0, 0, NOMINAL_DBM0, NOMINAL_DBM0, 20));
            assertEquals("", TestAudio.dtmf(pcm), "offset " + offset);
        }
    }

    @ParameterizedTest
    @MethodSource("digits")
    void acceptsFourDbReverseAndEightDbNormalTwist(char d) {
        assertEquals(String.valueOf(d), TestAudio.dtmf(digit(d, 0, 0, -12, -8, 60)), "reverse +4 dB");
        assertEquals(String.valueOf(d), TestAudio.dtmf(digit(d, 0, 0, -8, -16, 60)), "normal -8 dB");
    }

    @ParameterizedTest
    @MethodSource("digits")
    void rejectsTwistBeyondTheLimits(char d) {
        assertEquals("", TestAudio.dtmf(digit(d, 0, 0, -14, -8, 60)), "reverse +6 dB");
        assertEquals("", TestAudio.dtmf(digit(d, 0, 0, -6, -17, 60)), "normal -11 dB");
    }

    @ParameterizedTest
    @MethodSource("digits")
    void acceptsMinusThreeToMinusThirtySixDbm0AndRejectsMinusFortySix(char d) {
        assertEquals(String.valueOf(d), TestAudio.dtmf(digit(d, 0, 0, -3, -3, 60)), "-3 dBm0");
        assertEquals(String.valueOf(d), TestAudio.dtmf(digit(d, 0, 0, -36, -36, 60)), "-36 dBm0");
        assertEquals("", TestAudio.dtmf(digit(d, 0, 0, -46, -46, 60)), "-46 dBm0");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void detectsEveryDigitInWhiteNoiseAtFifteenDbSnr(long seed) {
        // each tone at -20 dBm0: signal power -17 dBm0, noise 15 dB below it
        float[] pcm = new DtmfGeneratorPcm(-20).digits(ALL, 50, 60);
        TestAudio.addNoise(pcm, -32, new Random(seed));
        assertEquals(ALL, TestAudio.dtmf(pcm));
    }

    @ParameterizedTest
    @MethodSource("offsets")
    void tenMillisecondInterruptionInsideADigitGivesOneDigit(int offset) {
        for (char d : "1D*9".toCharArray()) {
            double[] f = DtmfGenerator.frequencies(d);
            float[] pcm = TestAudio.concat(
                    new float[offset],
                    TestAudio.dual(f[0], -20, f[1], -20, TestAudio.samples(60)),
                    TestAudio.silence(10),
                    TestAudio.dual(f[0], -20, f[1], -20, TestAudio.samples(60)),
                    TestAudio.silence(60));
            assertEquals(String.valueOf(d), TestAudio.dtmf(pcm), "offset " + offset);
        }
    }

    @ParameterizedTest
    @MethodSource("offsets")
    void fortyMillisecondPauseSeparatesARepeatedDigit(int offset) {
        float[] pcm = TestAudio.concat(new float[offset], new DtmfGeneratorPcm(NOMINAL_DBM0).digits("55", 50, 40));
        assertEquals("55", TestAudio.dtmf(pcm));
    }

    @Test
    void reportsTheLeadingEdgeOnce() {
        byte[] alaw = new DtmfGenerator(NOMINAL_DBM0).generate("7", 500, 100);
        byte[] padded = new byte[800 + alaw.length];
        java.util.Arrays.fill(padded, io.branchbox.firmware.audio.G711.ALAW_SILENCE);
        System.arraycopy(alaw, 0, padded, 800, alaw.length);
        List<long[]> events = TestAudio.dtmfEvents(padded);
        assertEquals(1, events.size());
        assertEquals('7', (char) events.get(0)[0]);
        long at = events.get(0)[1];
        assertTrue(at >= 800 - DtmfDetector.WINDOW && at <= 800 + DtmfDetector.HOP, "leading edge at " + at);
    }

    @Test
    void talkOffOnTwoMinutesOfSpeechAndMusicLikeAudio() {
        int falses = TalkOffRun.falseDigits(new TalkOffAudio(42), 60);
        assertTrue(falses <= 1, "false digits in 2 minutes: " + falses);
    }
}
