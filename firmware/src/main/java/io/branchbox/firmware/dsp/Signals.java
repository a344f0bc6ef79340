package io.branchbox.firmware.dsp;

import io.branchbox.firmware.audio.G711;

/**
 * Level conventions and sine synthesis shared by the generators and detectors of this package.
 *
 * <p>Levels are in dBm0 on the A-law scale of {@link G711}: the A-law overload point (a full-scale
 * sine, peak 32768) is +3.14 dBm0 (G.711 §3), so a 0 dBm0 sine has a peak of about 22 827.
 *
 * <p>Thread-safe: pure functions.
 */
public final class Signals {
    /** Telephone sample rate, samples per second. */
    public static final int SAMPLE_RATE = 8000;
    /** Peak amplitude of a 0 dBm0 sine on the 16-bit A-law scale. */
    public static final double DBM0_PEAK = 32768.0 * Math.pow(10, -3.14 / 20);

    private Signals() {}

    /** Peak amplitude of a sine at {@code dbm0}. */
    public static double amplitude(double dbm0) {
        return DBM0_PEAK * Math.pow(10, dbm0 / 20);
    }

    /** Level in dBm0 of a sine whose mean power ({@code peak²/2}) is {@code power}. */
    public static double dbm0OfPower(double power) {
        return 10 * Math.log10(Math.max(power, 1e-12) / (DBM0_PEAK * DBM0_PEAK / 2));
    }

    /**
     * Adds {@code n} samples of a sine to {@code buf} starting at {@code off}; {@code phaseSample}
     * is the sample index of {@code buf[off]} on the sine's own time axis, so consecutive calls
     * continue without a phase jump.
     */
    public static void addSine(float[] buf, int off, int n, double hz, double peak, long phaseSample) {
        double w = 2 * Math.PI * hz / SAMPLE_RATE;
        for (int i = 0; i < n; i++) {
            buf[off + i] += (float) (peak * Math.sin(w * (phaseSample + i)));
        }
    }

    /** A-law codes of linear samples, rounded and clipped to 16 bits. */
    public static byte[] toAlaw(float[] linear) {
        byte[] out = new byte[linear.length];
        for (int i = 0; i < linear.length; i++) {
            out[i] = G711.linearToAlaw(Math.round(linear[i]));
        }
        return out;
    }
}
