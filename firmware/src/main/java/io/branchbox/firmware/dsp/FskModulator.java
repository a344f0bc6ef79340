package io.branchbox.firmware.dsp;

/**
 * 1200 bit/s FSK transmitter for on-hook caller ID: channel seizure, mark preamble, then octets in
 * 8-N-1 framing, phase-continuous, as A-law. The counterpart of {@link FskDemodulator}, for
 * sending caller ID to analogue extensions and for tests.
 *
 * <p>Thread-safe: immutable.
 */
public final class FskModulator {
    private final FskStandard standard;
    private final double peak;

    /** A transmitter for {@code standard} at {@code dbm0}. */
    public FskModulator(FskStandard standard, double dbm0) {
        this.standard = standard;
        this.peak = Signals.amplitude(dbm0);
    }

    /**
     * {@code seizureBits} alternating bits (starting with 0), {@code markBits} of mark, then each
     * octet as start bit, 8 data bits LSB first and a stop bit, then two mark bits.
     */
    public byte[] modulate(int seizureBits, int markBits, byte[] octets) {
        int bits = seizureBits + markBits + octets.length * 10 + 2;
        boolean[] seq = new boolean[bits];
        int k = 0;
        for (int i = 0; i < seizureBits; i++) {
            seq[k++] = i % 2 == 1;
        }
        for (int i = 0; i < markBits; i++) {
            seq[k++] = true;
        }
        for (byte b : octets) {
            seq[k++] = false;
            for (int i = 0; i < 8; i++) {
                seq[k++] = ((b >> i) & 1) == 1;
            }
            seq[k++] = true;
        }
        seq[k++] = true;
        seq[k] = true;
        int samples = (int) Math.ceil((double) bits * Signals.SAMPLE_RATE / FskStandard.BAUD);
        float[] pcm = new float[samples];
        double phase = 0;
        for (int n = 0; n < samples; n++) {
            int bit = (int) ((long) n * FskStandard.BAUD / Signals.SAMPLE_RATE);
            double hz = seq[Math.min(bit, bits - 1)] ? standard.markHz() : standard.spaceHz();
            pcm[n] = (float) (peak * Math.sin(phase));
            phase += 2 * Math.PI * hz / Signals.SAMPLE_RATE;
        }
        return Signals.toAlaw(pcm);
    }
}
