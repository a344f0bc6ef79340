package io.branchbox.firmware.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Signal helpers for the DSP tests: tones, noise, gaps and feeding detectors in 20 ms frames. */
final class TestAudio {
    static final int FRAME = 160;

    private TestAudio() {}

    static int samples(double ms) {
        return (int) Math.round(ms * Signals.SAMPLE_RATE / 1000);
    }

    /** Two sines of {@code n} samples at the given frequencies and levels. */
    static float[] dual(double f1, double dbm0First, double f2, double dbm0Second, int n) {
        float[] pcm = new float[n];
        Signals.addSine(pcm, 0, n, f1, Signals.amplitude(dbm0First), 0);
        Signals.addSine(pcm, 0, n, f2, Signals.amplitude(dbm0Second), 0);
        return pcm;
    }

    /** Concatenation of the parts. */
    static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int pos = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    static float[] silence(double ms) {
        return new float[samples(ms)];
    }

    /** Adds white Gaussian noise of mean power {@code dbm0} (as a sine of that level would have). */
    static void addNoise(float[] pcm, double dbm0, Random random) {
        double rms = Signals.amplitude(dbm0) / Math.sqrt(2);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] += (float) (random.nextGaussian() * rms);
        }
    }

    /** Feeds A-law to {@code sink} in 20 ms frames, as the board link does. */
    static void feed(byte[] alaw, FrameSink sink) {
        for (int off = 0; off < alaw.length; off += FRAME) {
            sink.process(alaw, off, Math.min(FRAME, alaw.length - off));
        }
    }

    /** The digits the detector reports for {@code pcm}. */
    static String dtmf(float[] pcm) {
        return dtmf(Signals.toAlaw(pcm));
    }

    static String dtmf(byte[] alaw) {
        StringBuilder sb = new StringBuilder();
        DtmfDetector d = new DtmfDetector((digit, at) -> sb.append(digit));
        feed(alaw, d::process);
        return sb.toString();
    }

    /** Digit events with their sample index. */
    static List<long[]> dtmfEvents(byte[] alaw) {
        List<long[]> out = new ArrayList<>();
        DtmfDetector d = new DtmfDetector((digit, at) -> out.add(new long[] {digit, at}));
        feed(alaw, d::process);
        return out;
    }

    @FunctionalInterface
    interface FrameSink {
        void process(byte[] alaw, int off, int len);
    }
}
