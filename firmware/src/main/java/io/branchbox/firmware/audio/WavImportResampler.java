package io.branchbox.firmware.audio;

/**
 * Band-limits and resamples mono audio at 8..48 kHz to the line's 8 kHz, for {@link WavImport}.
 *
 * <p>The filter is a Kaiser-windowed sinc: pass band to {@link #PASS_HZ}, stop band from
 * {@link #STOP_HZ} (the new Nyquist frequency) at least {@link #STOP_DB} dB down, so nothing
 * above 4 kHz folds back into the speech band. The kernel is tabulated {@link #OVERSAMPLE} times
 * per input sample and read with linear interpolation, which serves any rate ratio (44.1 kHz as
 * well as 48 kHz) from one small table; the table's own error is far below the A-law step.
 *
 * <p>Cost: about {@code 6 * inRate / 1000} multiply-adds per output sample (some 300 at 48 kHz).
 * Memory: the table plus one block of input; the input is read through {@link Source} in blocks,
 * so a long file is never held as floats. Not thread-safe: one instance per conversion (the
 * table depends on the input rate), called on the thread that imports.
 */
final class WavImportResampler {
    static final int OUT_RATE = 8000;
    static final double PASS_HZ = 3400;
    static final double STOP_HZ = 4000;
    static final double STOP_DB = 65;
    static final int OVERSAMPLE = 256;
    private static final int BLOCK = 4000;

    /** Mono input samples by frame index; frames outside {@code [0, length)} read as 0. */
    @FunctionalInterface
    interface Source {
        void read(long from, int n, float[] dst);
    }

    private final int inRate;
    private final int half;
    private final float[] table;

    WavImportResampler(int inRate) {
        if (inRate <= OUT_RATE) {
            throw new IllegalArgumentException("only down-sampling to 8000 Hz: " + inRate);
        }
        this.inRate = inRate;
        double transition = 2 * Math.PI * (STOP_HZ - PASS_HZ) / inRate;
        int taps = (int) Math.ceil((STOP_DB - 7.95) / (2.285 * transition));
        this.half = taps / 2 + 1;
        this.table = kernel(inRate, half);
    }

    /** Filter half-length in input samples. */
    int halfLength() {
        return half;
    }

    /** Output samples for {@code inFrames} input frames. */
    long outputLength(long inFrames) {
        return (inFrames * OUT_RATE + inRate - 1) / inRate;
    }

    /** Resamples {@code inFrames} frames of {@code src}, times {@code gain}, into A-law. */
    byte[] toAlaw(Source src, long inFrames, double gain) {
        byte[] out = new byte[Math.toIntExact(outputLength(inFrames))];
        float[] buf = new float[(int) ((long) BLOCK * inRate / OUT_RATE) + 2 * half + 4];
        for (int o0 = 0; o0 < out.length; o0 += BLOCK) {
            int o1 = Math.min(out.length, o0 + BLOCK);
            long first = (long) o0 * inRate / OUT_RATE - half + 1;
            long last = (long) (o1 - 1) * inRate / OUT_RATE + half;
            src.read(first, (int) (last - first + 1), buf);
            for (int o = o0; o < o1; o++) {
                long num = (long) o * inRate;
                long base = num / OUT_RATE;
                double frac = (double) (num % OUT_RATE) / OUT_RATE;
                int at = (int) (base - first);
                double acc = 0;
                for (int j = 1 - half; j <= half; j++) {
                    double pos = Math.abs(frac - j) * OVERSAMPLE;
                    int i = (int) pos;
                    double h = table[i] + (pos - i) * (table[i + 1] - table[i]);
                    acc += buf[at + j] * h;
                }
                out[o] = G711.linearToAlaw((int) Math.round(acc * gain * 32768));
            }
        }
        return out;
    }

    private static float[] kernel(int inRate, int half) {
        double fc = (PASS_HZ + STOP_HZ) / 2 / inRate;
        double beta = 0.1102 * (STOP_DB - 8.7);
        double i0beta = besselI0(beta);
        float[] t = new float[half * OVERSAMPLE + 2];
        for (int i = 0; i < t.length; i++) {
            double x = (double) i / OVERSAMPLE;
            if (x >= half) {
                continue;
            }
            double r = x / half;
            double window = besselI0(beta * Math.sqrt(1 - r * r)) / i0beta;
            double arg = Math.PI * 2 * fc * x;
            double sinc = x == 0 ? 1 : Math.sin(arg) / arg;
            t[i] = (float) (2 * fc * sinc * window);
        }
        return t;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 60 && term > sum * 1e-12; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
