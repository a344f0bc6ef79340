package io.branchbox.firmware.dsp;

import io.branchbox.firmware.audio.G711;
import java.util.List;

/**
 * Recognises the call-progress tones of a {@link TonePlan} by their frequency and cadence.
 *
 * <p>Audio is cut into 20 ms blocks (counted here, independent of how the caller frames it). A
 * block is <i>on</i> for one of the plan's frequencies when that frequency is at least
 * {@value #MIN_DBM0} dBm0, holds {@value #MIN_FRACTION} of the block's energy, and its measured
 * frequency (phase step between the Hann-weighted halves) is within {@value #MAX_DEVIATION_PERCENT}
 * %. Speech rarely passes this purity test, and its voiced bursts do not keep one pure partial
 * for whole bursts, so a talker with a 350 ms rhythm does not make a busy tone. Runs of on and off
 * blocks become segments; after each segment the latest segments, from an on segment, are matched
 * against every cadenced tone (any rotation of its cycle, each duration within ±max(60 ms, 15 %)), and a
 * continuous tone matches once it has been on for its confirm time.
 *
 * <p>A tone is reported once ({@link Listener#onTone}, with the sample index where its first
 * matched segment began) and ends ({@link Listener#onToneEnd}) when it has been off for longer
 * than its longest pause (200 ms for a continuous tone) or another tone is recognised.
 *
 * <p>Threading: not thread-safe; one instance per channel on the audio thread. {@link #process}
 * allocates nothing and never blocks.
 */
public final class ToneDetector {
    /** Receives recognised tones on the thread that calls {@link #process}. */
    public interface Listener {
        void onTone(String name, long sampleIndex);

        default void onToneEnd(String name, long sampleIndex) {}
    }

    static final int BLOCK = 160;
    static final double MIN_DBM0 = -40;
    static final double MIN_FRACTION = 0.8;
    static final double MAX_DEVIATION_PERCENT = 2.5;
    private static final int BLOCK_MS = BLOCK * 1000 / Signals.SAMPLE_RATE;
    private static final int HALF = BLOCK / 2;
    private static final int HISTORY = 32;
    private static final float[] HANN = new float[HALF];

    static {
        for (int n = 0; n < HALF; n++) {
            HANN[n] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (n + 0.5) / HALF));
        }
    }

    private final Listener listener;
    private final List<ToneSpec> specs;
    private final double[] freqs;
    private final int[] specFreq;
    private final int[] endAfterOffMs;
    private final float[][] cos;
    private final float[][] sin;
    private final double minEnergy;
    private final float[] block = new float[BLOCK];
    private int fill;
    private long sampleCount;

    private int runState = -1;
    private int runBlocks;
    private long runStart;
    private final int[] segMs = new int[HISTORY];
    private final int[] segState = new int[HISTORY];
    private final long[] segStart = new long[HISTORY];
    private int segCount;
    private int reported = -1;

    /** A detector for the tones of {@code plan}, reporting to {@code listener}. */
    public ToneDetector(TonePlan plan, Listener listener) {
        this.listener = listener;
        this.specs = plan.tones();
        this.freqs = specs.stream().mapToDouble(ToneSpec::hz).distinct().toArray();
        this.specFreq = new int[specs.size()];
        this.endAfterOffMs = new int[specs.size()];
        for (int s = 0; s < specs.size(); s++) {
            ToneSpec t = specs.get(s);
            for (int f = 0; f < freqs.length; f++) {
                if (freqs[f] == t.hz()) {
                    specFreq[s] = f;
                }
            }
            int longestOff = 0;
            for (int k = 1; k < t.cadenceMs().size(); k += 2) {
                longestOff = Math.max(longestOff, t.cadenceMs().get(k));
            }
            endAfterOffMs[s] = t.continuous() ? 200 : longestOff + tolerance(longestOff);
            if (t.cadenceMs().size() * t.confirm() > HISTORY) {
                throw new IllegalArgumentException(t.name() + ": cadence too long to confirm");
            }
        }
        this.cos = new float[freqs.length][BLOCK];
        this.sin = new float[freqs.length][BLOCK];
        for (int f = 0; f < freqs.length; f++) {
            double w = 2 * Math.PI * freqs[f] / Signals.SAMPLE_RATE;
            for (int n = 0; n < BLOCK; n++) {
                cos[f][n] = (float) Math.cos(w * n);
                sin[f][n] = (float) Math.sin(w * n);
            }
        }
        double a = Signals.amplitude(MIN_DBM0);
        this.minEnergy = a * a * BLOCK * BLOCK / 4;
    }

    /** Feeds {@code len} A-law samples of {@code alaw} from {@code off}. */
    public void process(byte[] alaw, int off, int len) {
        for (int i = off; i < off + len; i++) {
            block[fill++] = G711.alawToLinear(alaw[i]);
            sampleCount++;
            if (fill == BLOCK) {
                fill = 0;
                step(classify(), sampleCount - BLOCK);
            }
        }
    }

    static int tolerance(int ms) {
        return Math.max(60, ms * 15 / 100);
    }

    /** Index of the frequency this block is on for, or -1 when it is off. */
    private int classify() {
        double total = 0;
        for (float x : block) {
            total += x * x;
        }
        int best = -1;
        double bestEnergy = 0;
        for (int f = 0; f < freqs.length; f++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < BLOCK; n++) {
                re += block[n] * cos[f][n];
                im += block[n] * sin[f][n];
            }
            double e = re * re + im * im;
            if (e > bestEnergy) {
                bestEnergy = e;
                best = f;
            }
        }
        if (best < 0 || bestEnergy < minEnergy || bestEnergy * 2 / BLOCK < MIN_FRACTION * total) {
            return -1;
        }
        return deviationPercent(best) <= MAX_DEVIATION_PERCENT ? best : -1;
    }

    private double deviationPercent(int f) {
        double r1 = 0;
        double i1 = 0;
        double r2 = 0;
        double i2 = 0;
        for (int n = 0; n < HALF; n++) {
            float h = HANN[n];
            r1 += h * block[n] * cos[f][n];
            i1 -= h * block[n] * sin[f][n];
            r2 += h * block[n + HALF] * cos[f][n + HALF];
            i2 -= h * block[n + HALF] * sin[f][n + HALF];
        }
        double angle = Math.atan2(i2 * r1 - r2 * i1, r2 * r1 + i2 * i1);
        return Math.abs(angle / HALF * Signals.SAMPLE_RATE / (2 * Math.PI)) / freqs[f] * 100;
    }

    private void step(int state, long blockStart) {
        if (state != runState) {
            if (runBlocks > 0) {
                pushSegment();
                matchCadences();
            }
            runState = state;
            runBlocks = 0;
            runStart = blockStart;
        }
        runBlocks++;
        int runMs = runBlocks * BLOCK_MS;
        if (runState >= 0) {
            for (int s = 0; s < specs.size(); s++) {
                ToneSpec t = specs.get(s);
                if (t.continuous() && specFreq[s] == runState && runMs >= t.confirm()) {
                    report(s, runStart);
                }
            }
        } else if (reported >= 0 && runMs > endAfterOffMs[reported]) {
            endReported(blockStart);
        }
    }

    private void pushSegment() {
        int slot = segCount % HISTORY;
        segMs[slot] = runBlocks * BLOCK_MS;
        segState[slot] = runState;
        segStart[slot] = runStart;
        segCount++;
    }

    private void matchCadences() {
        for (int s = 0; s < specs.size(); s++) {
            ToneSpec t = specs.get(s);
            if (t.continuous()) {
                continue;
            }
            int n = t.cadenceMs().size() * t.confirm();
            if (segCount < n) {
                continue;
            }
            int first = segCount - n;
            // rotations start on an "on" period, so the report is stamped where a burst began
            for (int rot = 0; rot < t.cadenceMs().size(); rot += 2) {
                if (matches(s, first, n, rot)) {
                    report(s, segStart[first % HISTORY]);
                    break;
                }
            }
        }
    }

    private boolean matches(int s, int first, int n, int rot) {
        List<Integer> cadence = specs.get(s).cadenceMs();
        for (int i = 0; i < n; i++) {
            int slot = (first + i) % HISTORY;
            int k = (rot + i) % cadence.size();
            boolean shouldBeOn = k % 2 == 0;
            if (shouldBeOn ? segState[slot] != specFreq[s] : segState[slot] >= 0) {
                return false;
            }
            int want = cadence.get(k);
            if (Math.abs(segMs[slot] - want) > tolerance(want)) {
                return false;
            }
        }
        return true;
    }

    private void report(int s, long start) {
        if (reported == s) {
            return;
        }
        if (reported >= 0) {
            endReported(start);
        }
        reported = s;
        listener.onTone(specs.get(s).name(), start);
    }

    private void endReported(long at) {
        String name = specs.get(reported).name();
        reported = -1;
        listener.onToneEnd(name, at);
    }
}
