package io.branchbox.firmware.dsp;

import io.branchbox.firmware.audio.G711;

/**
 * The straightforward form of {@link DtmfDetector} as it was before it was made fast: every
 * half-overlapping window copied out of a ring and its eight DFT bins summed sample by sample,
 * no energy gate. Kept in the test tree only, so that {@code DtmfDetectorEquivalenceTest} can
 * check that the fast path reports the same digits at the same sample indices. Same thresholds
 * as {@link DtmfDetector} (it reads them from there), same decision logic.
 */
final class ReferenceDtmfDetector {
    private static final int WINDOW = DtmfDetector.WINDOW;
    private static final int HOP = DtmfDetector.HOP;
    private static final double MIN_TONE_DBM0 = DtmfDetector.MIN_TONE_DBM0;
    private static final double MAX_REVERSE_TWIST_DB = DtmfDetector.MAX_REVERSE_TWIST_DB;
    private static final double MAX_NORMAL_TWIST_DB = DtmfDetector.MAX_NORMAL_TWIST_DB;
    private static final double RELATIVE_PEAK_DB = DtmfDetector.RELATIVE_PEAK_DB;
    private static final double MIN_PAIR_FRACTION = DtmfDetector.MIN_PAIR_FRACTION;
    private static final int HITS_TO_CONFIRM = DtmfDetector.HITS_TO_CONFIRM;
    private static final int MISSES_TO_END = DtmfDetector.MISSES_TO_END;
    private static final double MAX_DEVIATION_PERCENT = DtmfDetector.MAX_DEVIATION_PERCENT;
    private static final double QUIET_FRACTION = DtmfDetector.QUIET_FRACTION;

    private static final double[] FREQS = DtmfDetector.FREQS;
    private static final String KEYS = "123A456B789C*0#D";
    private static final float[][] COS = new float[8][WINDOW];
    private static final float[][] SIN = new float[8][WINDOW];
    private static final float[] HANN = new float[WINDOW];
    private static final double[] NOMINAL_STEP = new double[8];
    /** Response of bin r to a unit tone at bin c's frequency, over the window's length, for [r*8+c]. */
    private static final double[] CROSS_RE = new double[64];
    private static final double[] CROSS_IM = new double[64];
    private static final double MIN_TONE_ENERGY;
    private static final double REVERSE_TWIST = Math.pow(10, MAX_REVERSE_TWIST_DB / 10);
    private static final double NORMAL_TWIST = Math.pow(10, -MAX_NORMAL_TWIST_DB / 10);
    private static final double RELATIVE_PEAK = Math.pow(10, RELATIVE_PEAK_DB / 10);

    static {
        for (int f = 0; f < 8; f++) {
            double w = 2 * Math.PI * FREQS[f] / Signals.SAMPLE_RATE;
            for (int n = 0; n < WINDOW; n++) {
                COS[f][n] = (float) Math.cos(w * n);
                SIN[f][n] = (float) Math.sin(w * n);
            }
        }
        for (int n = 0; n < WINDOW; n++) {
            HANN[n] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (n + 0.5) / WINDOW));
        }
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                double d = 2 * Math.PI * (FREQS[c] - FREQS[r]) / Signals.SAMPLE_RATE;
                for (int n = 0; n < WINDOW; n++) {
                    CROSS_RE[r * 8 + c] += Math.cos(d * n) / WINDOW;
                    CROSS_IM[r * 8 + c] += Math.sin(d * n) / WINDOW;
                }
            }
        }
        for (int f = 0; f < 8; f++) {
            NOMINAL_STEP[f] = 2 * Math.PI * FREQS[f] * HOP / Signals.SAMPLE_RATE;
        }
        // |X|² of a sine of peak A over N samples is (A·N/2)²
        double a = Signals.amplitude(MIN_TONE_DBM0);
        MIN_TONE_ENERGY = a * a * WINDOW * WINDOW / 4;
    }

    private final DtmfDetector.Listener listener;
    private final float[] ring = new float[WINDOW];
    private final float[] win = new float[WINDOW];
    private final double[] energy = new double[8];
    private final double[] binRe = new double[8];
    private final double[] binIm = new double[8];
    private double sepRow;
    private double sepCol;
    private int ringPos;
    private long sampleCount;
    private int untilHop = HOP;

    private int candidate = -1;
    private int candidateHits;
    private long candidateStart;
    private double candidateEnergy;
    private double prevRowRe;
    private double prevRowIm;
    private double prevColRe;
    private double prevColIm;
    /** Result of {@link #hannCorrelation}, kept in fields so the per-window path allocates nothing. */
    private double cRe;
    private double cIm;
    private double rowRe;
    private double rowIm;
    private double colRe;
    private double colIm;

    private int active = -1;
    private int misses;
    private double activeEnergy;

    /** A detector that reports to {@code listener}. */
    ReferenceDtmfDetector(DtmfDetector.Listener listener) {
        this.listener = listener;
    }

    /** Feeds {@code len} A-law samples of {@code alaw} from {@code off}. */
    public void process(byte[] alaw, int off, int len) {
        for (int i = off; i < off + len; i++) {
            ring[ringPos] = G711.alawToLinear(alaw[i]);
            ringPos = ringPos + 1 == WINDOW ? 0 : ringPos + 1;
            sampleCount++;
            // a countdown, not sampleCount % HOP: a 64-bit division per sample cost more than the DFT
            if (--untilHop == 0) {
                untilHop = HOP;
                if (sampleCount >= WINDOW) {
                    analyseWindow(sampleCount - WINDOW);
                }
            }
        }
    }

    /** Samples fed so far. */
    public long samplesProcessed() {
        return sampleCount;
    }

    private void analyseWindow(long windowStart) {
        int tail = WINDOW - ringPos;
        System.arraycopy(ring, ringPos, win, 0, tail);
        System.arraycopy(ring, 0, win, tail, ringPos);
        double total = 0;
        for (int n = 0; n < WINDOW; n++) {
            total += win[n] * win[n];
        }
        for (int f = 0; f < 8; f++) {
            float[] c = COS[f];
            float[] s = SIN[f];
            double re = 0;
            double im = 0;
            for (int n = 0; n < WINDOW; n++) {
                re += win[n] * c[n];
                im += win[n] * s[n];
            }
            energy[f] = re * re + im * im;
            binRe[f] = re;
            binIm[f] = -im;
        }
        int key = classify(total);
        step(key, total, windowStart);
    }

    /** The key this window is a hit for, or -1. */
    private int classify(double total) {
        int row = argMax(0);
        int col = argMax(4);
        separate(row, col);
        double er = sepRow;
        double ec = sepCol;
        if (er < MIN_TONE_ENERGY || ec < MIN_TONE_ENERGY) {
            return -1;
        }
        if (ec > er * REVERSE_TWIST || ec < er * NORMAL_TWIST) {
            return -1;
        }
        for (int f = 0; f < 4; f++) {
            if (f != row && energy[f] * RELATIVE_PEAK > er) {
                return -1;
            }
            if (f + 4 != col && energy[f + 4] * RELATIVE_PEAK > ec) {
                return -1;
            }
        }
        if ((er + ec) * 2 / WINDOW < MIN_PAIR_FRACTION * total) {
            return -1;
        }
        return row * 4 + (col - 4);
    }

    /**
     * Energies of the two tones with the leakage of each into the other's bin removed: the two
     * bins are solved jointly for the two complex amplitudes (a 2×2 system whose cross terms are
     * the window's response at the tones' spacing). Without this, a strong tone 268 Hz away moves
     * the weak tone's estimate by ±1.2 dB depending on phase, which blurs the twist limits.
     */
    private void separate(int row, int col) {
        int pair = row * 8 + col;
        double kRe = CROSS_RE[pair];
        double kIm = CROSS_IM[pair];
        double det = 1 - (kRe * kRe + kIm * kIm);
        // a_r = (X_r - K·X_c)/det, a_c = (X_c - conj(K)·X_r)/det, scaled as bins
        double arRe = (binRe[row] - (kRe * binRe[col] - kIm * binIm[col])) / det;
        double arIm = (binIm[row] - (kRe * binIm[col] + kIm * binRe[col])) / det;
        double acRe = (binRe[col] - (kRe * binRe[row] + kIm * binIm[row])) / det;
        double acIm = (binIm[col] - (kRe * binIm[row] - kIm * binRe[row])) / det;
        sepRow = arRe * arRe + arIm * arIm;
        sepCol = acRe * acRe + acIm * acIm;
    }

    private int argMax(int from) {
        int best = from;
        for (int f = from + 1; f < from + 4; f++) {
            if (energy[f] > energy[best]) {
                best = f;
            }
        }
        return best;
    }

    private void step(int key, double total, long windowStart) {
        if (active >= 0) {
            if (key == active) {
                misses = 0;
                return;
            }
            misses++;
            if (total < activeEnergy * QUIET_FRACTION || misses >= MISSES_TO_END) {
                endActive(windowStart);
            }
        }
        if (key < 0) {
            candidate = -1;
            candidateHits = 0;
            return;
        }
        if (key != candidate) {
            candidate = key;
            candidateHits = 0;
            candidateStart = windowStart;
            candidateEnergy = 0;
            rowRe = rowIm = colRe = colIm = 0;
        }
        accumulatePhase(key, candidateHits > 0);
        candidateHits++;
        candidateEnergy += total;
        if (candidateHits >= HITS_TO_CONFIRM && frequenciesWithinTolerance(key)) {
            if (active >= 0) {
                endActive(windowStart);
            }
            active = key;
            misses = 0;
            activeEnergy = candidateEnergy / candidateHits;
            candidate = -1;
            candidateHits = 0;
            listener.onDigit(KEYS.charAt(key), candidateStart);
        }
    }

    private void endActive(long sampleIndex) {
        char digit = KEYS.charAt(active);
        active = -1;
        misses = 0;
        listener.onDigitEnd(digit, sampleIndex);
    }

    /**
     * Adds, at both nominal frequencies, the phase step from the previous window of this key to
     * this one (51 samples later). Hann windows keep the other group's tone (268 Hz or more away)
     * out of the estimate, which matters under twist.
     */
    private void accumulatePhase(int key, boolean continuing) {
        int row = key / 4;
        int col = 4 + key % 4;
        hannCorrelation(row);
        double rRe = cRe;
        double rIm = cIm;
        hannCorrelation(col);
        if (continuing) {
            rowRe += rRe * prevRowRe + rIm * prevRowIm;
            rowIm += rIm * prevRowRe - rRe * prevRowIm;
            colRe += cRe * prevColRe + cIm * prevColIm;
            colIm += cIm * prevColRe - cRe * prevColIm;
        }
        prevRowRe = rRe;
        prevRowIm = rIm;
        prevColRe = cRe;
        prevColIm = cIm;
    }

    /** Hann-weighted correlation of the window with frequency {@code f}, into {@link #cRe}/{@link #cIm}. */
    private void hannCorrelation(int f) {
        float[] c = COS[f];
        float[] s = SIN[f];
        double re = 0;
        double im = 0;
        for (int n = 0; n < WINDOW; n++) {
            float x = HANN[n] * win[n];
            re += x * c[n];
            im -= x * s[n];
        }
        cRe = re;
        cIm = im;
    }

    private boolean frequenciesWithinTolerance(int key) {
        return deviationPercent(key / 4, rowRe, rowIm) <= MAX_DEVIATION_PERCENT
                && deviationPercent(4 + key % 4, colRe, colIm) <= MAX_DEVIATION_PERCENT;
    }

    /** Frequency error of tone {@code f} from its summed window-to-window products. */
    private static double deviationPercent(int f, double re, double im) {
        // the product turns by the tone's whole frequency × 51 samples; take away the nominal part
        double step = Math.atan2(im, re) - NOMINAL_STEP[f];
        step = Math.IEEEremainder(step, 2 * Math.PI);
        double hz = step / HOP * Signals.SAMPLE_RATE / (2 * Math.PI);
        return Math.abs(hz) / FREQS[f] * 100;
    }
}
