package io.branchbox.firmware.dsp;

import io.branchbox.firmware.audio.G711;

/**
 * DTMF receiver after ITU-T Q.24, fed with A-law audio as it arrives.
 *
 * <p><b>How it decides.</b> The last {@value #WINDOW} samples (12.75 ms) are analysed every
 * {@value #HOP} samples (half-overlapping windows). In each window the eight DTMF frequencies are
 * correlated (a DFT bin each, rectangular window, 78 Hz wide); the strongest row and column bins
 * are solved jointly for the two tones' amplitudes, so neither tone's leakage into the other's bin
 * moves the level and twist figures. The window is a <i>hit</i> for a key when all of these hold:
 * <ul>
 *   <li><b>level</b>: each of the two tones is at least {@value #MIN_TONE_DBM0} dBm0;
 *   <li><b>twist</b>: the high tone is at most {@value #MAX_REVERSE_TWIST_DB} dB stronger and at
 *       most {@value #MAX_NORMAL_TWIST_DB} dB weaker than the low tone;
 *   <li><b>relative peak</b>: each tone is {@value #RELATIVE_PEAK_DB} dB above every other tone
 *       of its group;
 *   <li><b>purity</b>: the two tones hold at least {@value #MIN_PAIR_FRACTION} of the window's
 *       energy (speech and music spread their energy).
 * </ul>
 * A key is <i>confirmed</i> after {@value #HITS_TO_CONFIRM} consecutive hits, that is after the
 * same pair has been seen across 32 ms of audio: a 40 ms tone always gives four windows that lie
 * wholly inside it, a 20 ms tone can give at most three windows that are filled enough to pass
 * the purity and relative-peak tests. Before reporting, the frequency of each tone is measured
 * from the phase advance of its Hann-weighted correlation from one confirming window to the next
 * (51 samples, so unambiguous to ±78 Hz, beyond the 3.5 % of 1633 Hz); the digit is reported
 * only if both tones are within {@value #MAX_DEVIATION_PERCENT} % of nominal, which accepts the
 * ±1.5 % of Q.24 and rejects ±3.5 %. Last, a tone whose second harmonic is less than
 * {@value #HARMONIC_DB} dB below it is not a DTMF tone (a keypad's tones are sine waves, Q.23
 * keeps their distortion 20 dB down) but a voice or an instrument: chord-rich music with vibrato
 * otherwise passes every test above now and then (a G5 and an E6 are within 2 % of 770 and
 * 1336 Hz). The harmonic is measured (Hann-weighted, on the last confirming window) only where it
 * lies at least {@value #HARMONIC_CLEARANCE_HZ} Hz from the pair's other tone, which would leak
 * into it; the check costs two correlations per confirmed digit, nothing per window.
 *
 * <p>A digit is reported once, on its leading edge ({@link Listener#onDigit}, with the sample
 * index of the first confirming window). It ends ({@link Listener#onDigitEnd}) on a window whose
 * energy is 10 dB below the digit's (a pause: any pause of 25 ms or more contains a whole window),
 * after {@value #MISSES_TO_END} windows in a row without the key, or when another key is
 * confirmed. A 10 ms interruption touches at most four windows and none of them whole, so it
 * never splits a digit.
 *
 * <p><b>How it is computed.</b> A window is two half-blocks of {@value #HOP} samples, and each
 * half-block lies in two windows; {@link DtmfBins} runs the eight Goertzel recurrences over each
 * half-block once and combines two half-blocks into the window's bins with a fixed phase turn,
 * which gives the same bins as the direct sum over the window. Before that, a window whose
 * energy is too small for any bin to reach the level limit (by Cauchy-Schwarz, with the largest
 * gain of the two-tone separation) is taken as a miss without computing the bins: it could not
 * have been a hit, so the decisions are unchanged, and the pauses in talk cost almost nothing.
 *
 * <p>Threading: not thread-safe; one instance per channel, called on the board link's reader
 * thread. {@link #process} never blocks and allocates nothing.
 */
public final class DtmfDetector {
    /** Receives digits; called on the thread that calls {@link #process}. */
    public interface Listener {
        /** A digit was confirmed; {@code sampleIndex} counts samples since the detector started. */
        void onDigit(char digit, long sampleIndex);

        /** The digit reported last has ended. */
        default void onDigitEnd(char digit, long sampleIndex) {}
    }

    static final int WINDOW = 102;
    static final int HOP = 51;
    static final double MIN_TONE_DBM0 = -41.0;
    static final double MAX_REVERSE_TWIST_DB = 5.0;
    static final double MAX_NORMAL_TWIST_DB = 9.5;
    static final double RELATIVE_PEAK_DB = 8.0;
    static final double MIN_PAIR_FRACTION = 0.7;
    static final int HITS_TO_CONFIRM = 4;
    static final int MISSES_TO_END = 5;
    static final double MAX_DEVIATION_PERCENT = 2.0;
    static final double QUIET_FRACTION = 0.1;
    static final double HARMONIC_DB = 15.0;
    static final double HARMONIC_CLEARANCE_HZ = 180.0;
    private static final double HARMONIC_RATIO = Math.pow(10, -HARMONIC_DB / 10);

    static final double[] FREQS = {697, 770, 852, 941, 1209, 1336, 1477, 1633};
    private static final String KEYS = "123A456B789C*0#D";
    private static final float[][] COS = new float[8][WINDOW];
    private static final float[][] SIN = new float[8][WINDOW];
    private static final float[] HANN = new float[WINDOW];
    /** Second harmonics of the eight frequencies, for the harmonic check at confirmation. */
    private static final float[][] COS2 = new float[8][WINDOW];
    private static final float[][] SIN2 = new float[8][WINDOW];
    private static final double[] NOMINAL_STEP = new double[8];
    /** Response of bin r to a unit tone at bin c's frequency, over the window's length, for [r*8+c]. */
    private static final double[] CROSS_RE = new double[64];
    private static final double[] CROSS_IM = new double[64];
    private static final double MIN_TONE_ENERGY;
    private static final double REVERSE_TWIST = Math.pow(10, MAX_REVERSE_TWIST_DB / 10);
    private static final double NORMAL_TWIST = Math.pow(10, -MAX_NORMAL_TWIST_DB / 10);
    private static final double RELATIVE_PEAK = Math.pow(10, RELATIVE_PEAK_DB / 10);
    /** Window energy below which neither separated tone can reach {@link #MIN_TONE_ENERGY}. */
    private static final double MIN_TOTAL_FOR_HIT;

    static {
        // the bins come from DtmfBins; these tables serve the Hann-weighted phase measurement
        for (int f = 0; f < 8; f++) {
            double w = 2 * Math.PI * FREQS[f] / Signals.SAMPLE_RATE;
            for (int n = 0; n < WINDOW; n++) {
                COS[f][n] = (float) Math.cos(w * n);
                SIN[f][n] = (float) Math.sin(w * n);
                COS2[f][n] = (float) Math.cos(2 * w * n);
                SIN2[f][n] = (float) Math.sin(2 * w * n);
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
        MIN_TOTAL_FOR_HIT = MIN_TONE_ENERGY / (WINDOW * maxSeparationGain()) / 2;
    }

    /**
     * The most {@link #separate} can multiply a window's energy by: |X_f|² ≤ N·Σx² for every bin,
     * and a separated amplitude is at most (|X_r| + |K|·|X_c|)/det. The halving in the gate above
     * leaves room for rounding, so the gate never skips a window that the full test would pass.
     */
    private static double maxSeparationGain() {
        double gain = 0;
        for (int r = 0; r < 4; r++) {
            for (int c = 4; c < 8; c++) {
                double k = Math.hypot(CROSS_RE[r * 8 + c], CROSS_IM[r * 8 + c]);
                double det = 1 - k * k;
                gain = Math.max(gain, Math.pow((1 + k) / det, 2));
            }
        }
        return gain;
    }

    private final Listener listener;
    /** The window's two half-blocks, alternately filled: {@link #current} is being filled. */
    private final float[][] halves = new float[2][HOP];
    private final long[] halfEnergy = new long[2];
    private final double[][] halfState = new double[2][DtmfBins.STATE];
    /** Whether {@link #halfState} is up to date: it is computed only when a window needs it. */
    private final boolean[] halfStateReady = new boolean[2];
    private int current;
    private int filled;
    private long filledEnergy;
    private final float[] win = new float[WINDOW];
    private final double[] energy = new double[8];
    private final double[] binRe = new double[8];
    private final double[] binIm = new double[8];
    private double sepRow;
    private double sepCol;
    private long sampleCount;

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
    public DtmfDetector(Listener listener) {
        this.listener = listener;
    }

    /** Feeds {@code len} A-law samples of {@code alaw} from {@code off}. */
    public void process(byte[] alaw, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            float[] half = halves[current];
            int n = Math.min(end - i, HOP - filled);
            long e = filledEnergy;
            for (int k = 0; k < n; k++) {
                int v = G711.alawToLinear(alaw[i + k]);
                half[filled + k] = v;
                e += (long) v * v;
            }
            i += n;
            filled += n;
            sampleCount += n;
            filledEnergy = e;
            if (filled == HOP) {
                halfDone();
            }
        }
    }

    private void halfDone() {
        halfEnergy[current] = filledEnergy;
        halfStateReady[current] = false;
        filled = 0;
        filledEnergy = 0;
        if (sampleCount >= WINDOW) {
            analyseWindow(sampleCount - WINDOW);
        }
        current ^= 1;
    }

    /** Samples fed so far. */
    public long samplesProcessed() {
        return sampleCount;
    }

    private void analyseWindow(long windowStart) {
        int first = current ^ 1;
        // exact: sums of squared 16-bit integers stay far below 2^53
        double total = halfEnergy[first] + halfEnergy[current];
        int key = -1;
        if (total >= MIN_TOTAL_FOR_HIT) {
            DtmfBins.window(state(first), state(current), binRe, binIm, energy);
            key = classify(total);
        }
        step(key, total, windowStart);
    }

    private double[] state(int half) {
        if (!halfStateReady[half]) {
            DtmfBins.goertzel(halves[half], halfState[half]);
            halfStateReady[half] = true;
        }
        return halfState[half];
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
        if (candidateHits >= HITS_TO_CONFIRM && frequenciesWithinTolerance(key) && harmonicsLow(key)) {
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
        System.arraycopy(halves[current ^ 1], 0, win, 0, HOP);
        System.arraycopy(halves[current], 0, win, HOP, HOP);
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

    /**
     * Whether neither tone of {@code key} has a second harmonic within {@link #HARMONIC_DB} of it,
     * on the last confirming window (in {@link #win}; its fundamentals' correlations are in
     * {@code prevRow*}/{@code prevCol*}).
     */
    private boolean harmonicsLow(int key) {
        int row = key / 4;
        int col = 4 + key % 4;
        return harmonicLow(row, col, prevRowRe * prevRowRe + prevRowIm * prevRowIm)
                && harmonicLow(col, row, prevColRe * prevColRe + prevColIm * prevColIm);
    }

    private boolean harmonicLow(int f, int other, double fundamental) {
        if (Math.abs(2 * FREQS[f] - FREQS[other]) < HARMONIC_CLEARANCE_HZ) {
            return true; // the other tone would leak into the harmonic's bin
        }
        correlate(COS2[f], SIN2[f]);
        return cRe * cRe + cIm * cIm <= fundamental * HARMONIC_RATIO;
    }

    /** Hann-weighted correlation of the window with frequency {@code f}, into {@link #cRe}/{@link #cIm}. */
    private void hannCorrelation(int f) {
        correlate(COS[f], SIN[f]);
    }

    private void correlate(float[] c, float[] s) {
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
