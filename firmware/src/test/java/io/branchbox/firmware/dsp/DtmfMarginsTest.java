package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures where the detector's decisions flip (frequency error, duration, level, twist) and
 * checks each edge lies between the Q.24 accept and reject values, with margin both ways.
 */
class DtmfMarginsTest {
    private static final Logger LOG = LoggerFactory.getLogger(DtmfMarginsTest.class);
    private static final String ALL = "123A456B789C*0#D";

    /** The value between {@code accepted} and {@code rejected} where {@code detects} flips. */
    private static double edge(double accepted, double rejected, DoublePredicate detects) {
        assertTrue(detects.test(accepted), "not detected at " + accepted);
        assertTrue(!detects.test(rejected), "detected at " + rejected);
        double a = accepted;
        double r = rejected;
        for (int i = 0; i < 12; i++) {
            double m = (a + r) / 2;
            if (detects.test(m)) {
                a = m;
            } else {
                r = m;
            }
        }
        return a;
    }

    private static boolean one(char d, float[] pcm) {
        return TestAudio.dtmf(pcm).equals(String.valueOf(d));
    }

    private static float[] tone(char d, double rowErr, double colErr, double low, double high, double ms) {
        double[] f = DtmfGenerator.frequencies(d);
        return TestAudio.concat(TestAudio.silence(30),
                TestAudio.dual(f[0] * (1 + rowErr / 100), low, f[1] * (1 + colErr / 100), high, TestAudio.samples(ms)),
                TestAudio.silence(60));
    }

    @Test
    void frequencyToleranceEdgesLieBetweenOnePointFiveAndThreePointFivePercent() {
        double min = 99;
        double max = 0;
        for (char d : ALL.toCharArray()) {
            for (int sign : new int[] {-1, 1}) {
                double row = edge(1.5, 3.5, e -> one(d, tone(d, sign * e, 0, -10, -10, 60)));
                double col = edge(1.5, 3.5, e -> one(d, tone(d, 0, sign * e, -10, -10, 60)));
                min = Math.min(min, Math.min(row, col));
                max = Math.max(max, Math.max(row, col));
            }
        }
        LOG.warn("DTMF frequency acceptance edge: {}..{} % over all tones and both directions", fmt(min), fmt(max));
        assertTrue(min >= 1.8 && max <= 3.0, min + ".." + max);
    }

    @Test
    void onePointFivePercentWithFifteenDbSnrStillPasses() {
        for (char d : ALL.toCharArray()) {
            for (int sign : new int[] {-1, 1}) {
                float[] pcm = tone(d, sign * 1.5, sign * 1.5, -20, -20, 50);
                TestAudio.addNoise(pcm, -32, new Random(d * sign));
                assertTrue(one(d, pcm), d + " at " + sign * 1.5 + " % in noise");
            }
        }
    }

    @Test
    void durationEdgeLiesBetweenTwentyAndFortyMilliseconds() {
        double min = 99;
        double max = 0;
        for (char d : ALL.toCharArray()) {
            for (int offset = 0; offset < 51; offset += 17) {
                int o = offset;
                double e = edge(40, 20, ms -> one(d, TestAudio.concat(new float[o], tone(d, 0, 0, -10, -10, ms))));
                min = Math.min(min, e);
                max = Math.max(max, e);
            }
        }
        LOG.warn("DTMF shortest accepted tone: {}..{} ms depending on digit and alignment", fmt(min), fmt(max));
        assertTrue(min >= 23 && max <= 37, min + ".." + max);
    }

    @Test
    void levelAndTwistEdges() {
        double[] level = {99, -99};
        double[] reverse = {99, -99};
        double[] normal = {99, -99};
        for (char d : ALL.toCharArray()) {
            widen(level, -edge(-36, -46, l -> one(d, tone(d, 0, 0, l, l, 60))));
            widen(reverse, edge(4, 8, t -> one(d, tone(d, 0, 0, -10 - t, -10, 60))));
            widen(normal, edge(8, 12, t -> one(d, tone(d, 0, 0, -10, -10 - t, 60))));
        }
        LOG.warn("DTMF weakest accepted pair -{}..-{} dBm0 per tone; twist accepted to +{}..+{} dB reverse, "
                + "-{}..-{} dB normal", fmt(level[0]), fmt(level[1]), fmt(reverse[0]), fmt(reverse[1]),
                fmt(normal[0]), fmt(normal[1]));
        assertTrue(level[0] >= 38 && level[1] <= 44, "level edges");
        assertTrue(reverse[0] >= 4.3 && reverse[1] <= 5.8, "reverse twist edges");
        assertTrue(normal[0] >= 8.5 && normal[1] <= 10.5, "normal twist edges");
    }

    private static void widen(double[] range, double v) {
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
    }

    private static String fmt(double v) {
        return String.format("%.2f", v);
    }
}
