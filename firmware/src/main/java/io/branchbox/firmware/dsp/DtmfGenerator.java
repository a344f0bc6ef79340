package io.branchbox.firmware.dsp;

/**
 * Produces DTMF digit strings as A-law audio: each digit is the sum of its row and column sine
 * for {@code onMs}, followed by {@code offMs} of silence.
 *
 * <p>Levels are set per group, so a generator can also produce twisted signals for tests.
 * Digits outside {@code 0-9 * # A-D} are refused with an {@link IllegalArgumentException}.
 *
 * <p>Thread-safe: immutable.
 */
public final class DtmfGenerator {
    private static final String KEYS = "123A456B789C*0#D";

    private final double lowDbm0;
    private final double highDbm0;

    /** Both tones at {@code dbm0} per tone. */
    public DtmfGenerator(double dbm0) {
        this(dbm0, dbm0);
    }

    /** Row (low-group) tone at {@code lowDbm0}, column (high-group) tone at {@code highDbm0}. */
    public DtmfGenerator(double lowDbm0, double highDbm0) {
        this.lowDbm0 = lowDbm0;
        this.highDbm0 = highDbm0;
    }

    /** The two frequencies in Hz of {@code digit}: row first, then column. */
    public static double[] frequencies(char digit) {
        int k = KEYS.indexOf(Character.toUpperCase(digit));
        if (k < 0) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
        return new double[] {DtmfDetector.FREQS[k / 4], DtmfDetector.FREQS[4 + k % 4]};
    }

    /** {@code digits} as A-law, each {@code onMs} of tone then {@code offMs} of silence. */
    public byte[] generate(String digits, int onMs, int offMs) {
        int on = onMs * Signals.SAMPLE_RATE / 1000;
        int off = offMs * Signals.SAMPLE_RATE / 1000;
        float[] pcm = new float[digits.length() * (on + off)];
        for (int i = 0; i < digits.length(); i++) {
            double[] f = frequencies(digits.charAt(i));
            int start = i * (on + off);
            Signals.addSine(pcm, start, on, f[0], Signals.amplitude(lowDbm0), 0);
            Signals.addSine(pcm, start, on, f[1], Signals.amplitude(highDbm0), 0);
        }
        return Signals.toAlaw(pcm);
    }
}
