package io.branchbox.firmware.dsp;

import java.util.Random;

/**
 * Seeded synthetic audio for talk-off runs: speech-like (formant-filtered glottal pulses with
 * pitch jitter and vibrato, noise-burst consonants, pauses) and music-like (harmonic-rich chords
 * and pitch sweeps). Same seed, same audio.
 */
final class TalkOffAudio {
    private static final double[][] VOWEL_FORMANTS = {
        {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480},
        {570, 840, 2410}, {440, 1020, 2240}, {660, 1720, 2410}, {490, 1350, 1690}
    };

    private final Random random;

    TalkOffAudio(long seed) {
        this.random = new Random(seed);
    }

    /** {@code seconds} of speech-like audio. */
    float[] speech(double seconds) {
        float[] out = new float[(int) (seconds * Signals.SAMPLE_RATE)];
        int pos = 0;
        while (pos < out.length) {
            int len = TestAudio.samples(60 + random.nextInt(260));
            len = Math.min(len, out.length - pos);
            double choice = random.nextDouble();
            if (choice < 0.6) {
                vowel(out, pos, len);
            } else if (choice < 0.85) {
                consonant(out, pos, len / 2);
            }
            pos += len;
        }
        return out;
    }

    /** Speech-like bursts of {@code onMs} with {@code offMs} pauses, the rhythm of a busy tone. */
    float[] speechBursts(double seconds, int onMs, int offMs) {
        float[] out = new float[(int) (seconds * Signals.SAMPLE_RATE)];
        int on = TestAudio.samples(onMs);
        int period = on + TestAudio.samples(offMs);
        for (int pos = 0; pos + on <= out.length; pos += period) {
            vowel(out, pos, on);
        }
        return out;
    }

    private void vowel(float[] out, int pos, int len) {
        double[] formants = VOWEL_FORMANTS[random.nextInt(VOWEL_FORMANTS.length)];
        double f0 = 90 + random.nextDouble() * 160;
        double level = Signals.amplitude(-25 + random.nextDouble() * 20);
        double[][] state = new double[3][2];
        double phase = 0;
        float[] tmp = new float[len];
        double peak = 1e-9;
        for (int i = 0; i < len; i++) {
            double jitter = 1 + 0.02 * random.nextGaussian() + 0.03 * Math.sin(2 * Math.PI * 5.5 * i / 8000);
            phase += f0 * jitter / Signals.SAMPLE_RATE;
            double excitation = 0;
            if (phase >= 1) {
                phase -= 1;
                excitation = 1;
            }
            excitation += 0.02 * random.nextGaussian();
            double y = excitation;
            for (int k = 0; k < 3; k++) {
                y = resonate(state[k], y, formants[k] * (1 + 0.03 * random.nextGaussian() / 10), 80 + 40 * k);
            }
            tmp[i] = (float) y;
            peak = Math.max(peak, Math.abs(y));
        }
        for (int i = 0; i < len; i++) {
            double env = Math.min(1, Math.min(i, len - i) / 160.0);
            out[pos + i] += (float) (tmp[i] / peak * level * env);
        }
    }

    private static double resonate(double[] s, double x, double hz, double bandwidth) {
        double r = Math.exp(-Math.PI * bandwidth / Signals.SAMPLE_RATE);
        double c = 2 * r * Math.cos(2 * Math.PI * hz / Signals.SAMPLE_RATE);
        double y = x * (1 - r) + c * s[0] - r * r * s[1];
        s[1] = s[0];
        s[0] = y;
        return y;
    }

    private void consonant(float[] out, int pos, int len) {
        double level = Signals.amplitude(-30 + random.nextDouble() * 15) / 2;
        double[] st = new double[2];
        double centre = 1500 + random.nextDouble() * 2000;
        for (int i = 0; i < len; i++) {
            double y = resonate(st, random.nextGaussian(), centre, 1200);
            out[pos + i] += (float) (y * level * 8);
        }
    }

    /** {@code seconds} of music-like audio: chords of 3–4 harmonic notes and pitch sweeps. */
    float[] music(double seconds) {
        float[] out = new float[(int) (seconds * Signals.SAMPLE_RATE)];
        int pos = 0;
        while (pos < out.length) {
            int len = Math.min(TestAudio.samples(200 + random.nextInt(800)), out.length - pos);
            if (random.nextDouble() < 0.75) {
                chord(out, pos, len);
            } else {
                sweep(out, pos, len);
            }
            pos += len;
        }
        return out;
    }

    private void chord(float[] out, int pos, int len) {
        int notes = 3 + random.nextInt(2);
        int root = 48 + random.nextInt(30);
        int[] intervals = {0, 3 + random.nextInt(2), 7, 10 + random.nextInt(3)};
        double level = Signals.amplitude(-22 + random.nextDouble() * 12) / notes;
        for (int k = 0; k < notes; k++) {
            double f = 440 * Math.pow(2, (root + intervals[k] - 69) / 12.0);
            for (int h = 1; h <= 5 && f * h < 3800; h++) {
                double a = level / h;
                long phase = random.nextInt(1000);
                Signals.addSine(out, pos, len, f * h, a, phase);
            }
        }
    }

    private void sweep(float[] out, int pos, int len) {
        double from = 300 + random.nextDouble() * 1500;
        double to = 300 + random.nextDouble() * 1500;
        double level = Signals.amplitude(-20 + random.nextDouble() * 10);
        double phase = 0;
        for (int i = 0; i < len; i++) {
            double f = from * Math.pow(to / from, (double) i / len);
            phase += 2 * Math.PI * f / Signals.SAMPLE_RATE;
            out[pos + i] += (float) (level * (Math.sin(phase) + 0.5 * Math.sin(2 * phase)));
        }
    }
}
