package io.branchbox.firmware.dsp;

import io.branchbox.firmware.audio.G711;

/**
 * Plays one {@link ToneSpec} as A-law, cadence included, continuing seamlessly across calls.
 *
 * <p>Threading: not thread-safe; one instance per channel, usually filled on the audio thread.
 * {@link #fill} allocates nothing.
 */
public final class ToneGenerator {
    private final ToneSpec spec;
    private final double peak;
    private final double step;
    private final int[] cadence;
    private final int cycle;
    private long sample;

    /** A generator for {@code spec}, starting at the beginning of its first "on" period. */
    public ToneGenerator(ToneSpec spec) {
        this.spec = spec;
        this.peak = Signals.amplitude(spec.dbm0());
        this.step = 2 * Math.PI * spec.hz() / Signals.SAMPLE_RATE;
        this.cadence = spec.cadenceMs().stream().mapToInt(ms -> ms * Signals.SAMPLE_RATE / 1000).toArray();
        int c = 0;
        for (int n : cadence) {
            c += n;
        }
        this.cycle = c;
    }

    /** The tone being played. */
    public ToneSpec spec() {
        return spec;
    }

    /** Writes the next {@code len} samples to {@code alaw} from {@code off}. */
    public void fill(byte[] alaw, int off, int len) {
        for (int i = off; i < off + len; i++) {
            alaw[i] = on(sample) ? G711.linearToAlaw((int) Math.round(peak * Math.sin(step * sample)))
                    : G711.ALAW_SILENCE;
            sample++;
        }
    }

    private boolean on(long n) {
        if (cycle == 0) {
            return true;
        }
        long pos = n % cycle;
        for (int k = 0; k < cadence.length; k++) {
            if (pos < cadence[k]) {
                return k % 2 == 0;
            }
            pos -= cadence[k];
        }
        return false;
    }

    /** {@code ms} of {@code spec} from its start, as A-law. */
    public static byte[] render(ToneSpec spec, int ms) {
        byte[] out = new byte[ms * Signals.SAMPLE_RATE / 1000];
        new ToneGenerator(spec).fill(out, 0, out.length);
        return out;
    }
}
