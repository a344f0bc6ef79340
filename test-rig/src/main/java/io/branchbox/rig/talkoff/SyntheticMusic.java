package io.branchbox.rig.talkoff;

import io.branchbox.firmware.audio.G711;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic music for talk-off: chords of three or four notes with rich harmonics (a
 * sawtooth-like spectrum up to the telephone band's edge), each note with vibrato (5-7 Hz, up to
 * ±2 % of its frequency) and an attack/decay envelope, a bass line, and now and then a melody
 * note above. With {@code awayFromDtmf} the fundamentals are kept at least 4 % from the eight
 * DTMF frequencies (as in the report: the notes are not the danger, their harmonics,
 * sidebands and pairs are). Deterministic for a seed.
 */
final class SyntheticMusic {
    private static final double[] DTMF = {697, 770, 852, 941, 1209, 1336, 1477, 1633};
    private static final int RATE = 8000;

    private SyntheticMusic() {}

    static byte[] render(long seed, int seconds, boolean awayFromDtmf) {
        Random r = new Random(seed);
        float[] out = new float[seconds * RATE];
        int at = 0;
        while (at < out.length) {
            int len = (int) (RATE * (0.4 + r.nextDouble() * 1.4));
            List<Double> chord = chord(r, awayFromDtmf);
            double level = 1500 + r.nextDouble() * 3500;
            for (double f : chord) {
                note(out, at, len, f, level, r);
            }
            note(out, at, len, chord.get(0) / 2, level * 1.2, r); // bass
            if (r.nextBoolean()) {
                note(out, at + len / 2, len / 2, pick(r, 600, 1800, awayFromDtmf), level * 0.9, r); // melody
            }
            at += len;
        }
        byte[] alaw = new byte[out.length];
        for (int i = 0; i < out.length; i++) {
            alaw[i] = G711.linearToAlaw((int) Math.max(-32768, Math.min(32767, out[i])));
        }
        return alaw;
    }

    private static List<Double> chord(Random r, boolean away) {
        double root = pick(r, 180, 600, away);
        int[][] shapes = {{0, 4, 7}, {0, 3, 7}, {0, 4, 7, 10}, {0, 3, 7, 10}, {0, 4, 7, 11}, {0, 5, 7}, {0, 4, 9}};
        int[] shape = shapes[r.nextInt(shapes.length)];
        List<Double> notes = new ArrayList<>();
        for (int semis : shape) {
            double f = root * Math.pow(2, (semis + 12 * r.nextInt(2)) / 12.0);
            if (!away || farFromDtmf(f)) {
                notes.add(f);
            }
        }
        if (notes.isEmpty()) {
            notes.add(root);
        }
        return notes;
    }

    /** An equal-tempered note (A440) in [lo, hi] Hz, far from DTMF when asked. */
    private static double pick(Random r, double lo, double hi, boolean away) {
        while (true) {
            double f = 440 * Math.pow(2, Math.round(12 * Math.log(lo + r.nextDouble() * (hi - lo)) / Math.log(2) - 12 * Math.log(440) / Math.log(2)) / 12.0);
            if (f >= lo * 0.9 && f <= hi * 1.1 && (!away || farFromDtmf(f))) {
                return f;
            }
        }
    }

    private static boolean farFromDtmf(double f) {
        for (double d : DTMF) {
            if (Math.abs(f - d) / d < 0.04) {
                return false;
            }
        }
        return true;
    }

    /** Adds a note: harmonics 1/n up to 3.4 kHz, vibrato, 10 ms attack, exponential decay. */
    private static void note(float[] out, int at, int len, double f, double level, Random r) {
        double vibHz = 5 + 2 * r.nextDouble();
        double depth = 0.005 + 0.015 * r.nextDouble();
        double decay = 1.5 + 3 * r.nextDouble();
        int harmonics = (int) Math.max(1, Math.min(12, 3400 / f));
        double phase = 0;
        double vibPhase = r.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < len && at + i < out.length; i++) {
            double t = (double) i / RATE;
            double inst = f * (1 + depth * Math.sin(2 * Math.PI * vibHz * t + vibPhase));
            phase += 2 * Math.PI * inst / RATE;
            double env = Math.min(1, t / 0.01) * Math.exp(-decay * t);
            double s = 0;
            for (int h = 1; h <= harmonics; h++) {
                s += Math.sin(h * phase) / h;
            }
            out[at + i] += (float) (level * env * s);
        }
    }
}
