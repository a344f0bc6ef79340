package io.branchbox.firmware.dsp;

/**
 * The eight DFT bins of a {@link DtmfDetector} window, built from its two half-blocks of
 * {@value #HALF} samples so that each half-block is worked on once although it lies in two
 * windows.
 *
 * <p>{@link #goertzel} runs the Goertzel recurrence {@code s[n] = x[n] + 2cos(ω)·s[n-1] - s[n-2]}
 * over one half-block and keeps its last two values per bin. A half-block starting at sample 0
 * of its own has the partial DFT {@code P = s[50]·e^(-iω·50) - s[49]·e^(-iω·51)}; in a window it
 * is either the first half ({@code P} as is) or the second, whose samples sit 51 later, so its
 * {@code P} turns by {@code e^(-iω·51)}. {@link #window} folds both turns into four precomputed
 * complex constants per bin. The result is the same {@code Σ x[n]·e^(-iωn)} over the 102
 * samples as a direct sum, to double rounding, for about a third of the arithmetic.
 *
 * <p>Threading: stateless; the caller owns the arrays.
 */
final class DtmfBins {
    static final int HALF = 51;
    /** Goertzel state layout: [f] is s[50] of bin f, [8 + f] is s[49]. */
    static final int STATE = 16;

    // named constants rather than an array so the JIT keeps them in registers in the unrolled loop
    private static final double K0 = coefficient(0);
    private static final double K1 = coefficient(1);
    private static final double K2 = coefficient(2);
    private static final double K3 = coefficient(3);
    private static final double K4 = coefficient(4);
    private static final double K5 = coefficient(5);
    private static final double K6 = coefficient(6);
    private static final double K7 = coefficient(7);

    /** cos and sin of ω·m for m = 50, 51 (first half) and 101, 102 (second half). */
    private static final double[] COS_50 = new double[8];
    private static final double[] SIN_50 = new double[8];
    private static final double[] COS_51 = new double[8];
    private static final double[] SIN_51 = new double[8];
    private static final double[] COS_101 = new double[8];
    private static final double[] SIN_101 = new double[8];
    private static final double[] COS_102 = new double[8];
    private static final double[] SIN_102 = new double[8];

    static {
        for (int f = 0; f < 8; f++) {
            double w = omega(f);
            COS_50[f] = Math.cos(w * (HALF - 1));
            SIN_50[f] = Math.sin(w * (HALF - 1));
            COS_51[f] = Math.cos(w * HALF);
            SIN_51[f] = Math.sin(w * HALF);
            COS_101[f] = Math.cos(w * (2 * HALF - 1));
            SIN_101[f] = Math.sin(w * (2 * HALF - 1));
            COS_102[f] = Math.cos(w * 2 * HALF);
            SIN_102[f] = Math.sin(w * 2 * HALF);
        }
    }

    private DtmfBins() {}

    private static double omega(int f) {
        return 2 * Math.PI * DtmfDetector.FREQS[f] / Signals.SAMPLE_RATE;
    }

    private static double coefficient(int f) {
        return 2 * Math.cos(omega(f));
    }

    /** Runs the eight recurrences over {@code x[0..HALF)} into {@code state} (layout {@link #STATE}). */
    static void goertzel(float[] x, double[] state) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, b7 = 0;
        // straight-line over the bins: eight independent chains keep both FP units busy
        for (int n = 0; n < HALF; n++) {
            double v = x[n];
            double t;
            t = v + K0 * a0 - b0; b0 = a0; a0 = t;
            t = v + K1 * a1 - b1; b1 = a1; a1 = t;
            t = v + K2 * a2 - b2; b2 = a2; a2 = t;
            t = v + K3 * a3 - b3; b3 = a3; a3 = t;
            t = v + K4 * a4 - b4; b4 = a4; a4 = t;
            t = v + K5 * a5 - b5; b5 = a5; a5 = t;
            t = v + K6 * a6 - b6; b6 = a6; a6 = t;
            t = v + K7 * a7 - b7; b7 = a7; a7 = t;
        }
        state[0] = a0; state[1] = a1; state[2] = a2; state[3] = a3;
        state[4] = a4; state[5] = a5; state[6] = a6; state[7] = a7;
        state[8] = b0; state[9] = b1; state[10] = b2; state[11] = b3;
        state[12] = b4; state[13] = b5; state[14] = b6; state[15] = b7;
    }

    /**
     * The bins {@code Σ x[n]·e^(-iωn)} of the window made of the half-blocks whose states are
     * {@code first} and {@code second}: real parts into {@code re}, imaginary into {@code im},
     * {@code |X|²} into {@code energy}.
     */
    static void window(double[] first, double[] second, double[] re, double[] im, double[] energy) {
        for (int f = 0; f < 8; f++) {
            double s1 = first[f];
            double s2 = first[8 + f];
            double t1 = second[f];
            double t2 = second[8 + f];
            double r = s1 * COS_50[f] - s2 * COS_51[f] + t1 * COS_101[f] - t2 * COS_102[f];
            double i = s2 * SIN_51[f] - s1 * SIN_50[f] + t2 * SIN_102[f] - t1 * SIN_101[f];
            re[f] = r;
            im[f] = i;
            energy[f] = r * r + i * i;
        }
    }
}
