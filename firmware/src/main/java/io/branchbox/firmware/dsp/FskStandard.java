package io.branchbox.firmware.dsp;

/**
 * The two 1200 bit/s FSK modems used for on-hook caller ID.
 *
 * <ul>
 *   <li>{@link #BELL_202}: mark 1200 Hz, space 2200 Hz (Telcordia GR-30; China's YDN 069 too);
 *   <li>{@link #V23}: ITU-T V.23 forward channel, mark 1300 Hz, space 2100 Hz (ETSI EN 300 659).
 * </ul>
 */
public enum FskStandard {
    BELL_202(1200, 2200),
    V23(1300, 2100);

    /** Bits per second of both modems. */
    public static final int BAUD = 1200;

    private final double markHz;
    private final double spaceHz;

    FskStandard(double markHz, double spaceHz) {
        this.markHz = markHz;
        this.spaceHz = spaceHz;
    }

    /** Frequency of a 1 bit (and of the idle line). */
    public double markHz() {
        return markHz;
    }

    /** Frequency of a 0 bit. */
    public double spaceHz() {
        return spaceHz;
    }
}
