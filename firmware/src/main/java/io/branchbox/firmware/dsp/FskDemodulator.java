package io.branchbox.firmware.dsp;

import io.branchbox.firmware.audio.G711;

/**
 * 1200 bit/s FSK receiver with asynchronous framing (start bit, 8 data bits LSB first, stop bit)
 * for caller ID.
 *
 * <p><b>Demodulation.</b> Each sample updates two sliding correlations over the last
 * {@value #WINDOW} samples (one bit) with the mark and the space frequency; the bit is mark while
 * the mark correlation is the stronger. Correlation tables repeat every 80 samples (a common
 * period of 1200, 1300, 2100 and 2200 Hz at 8 kHz), so phases never drift. Carrier is present while
 * the stronger correlation is above {@value #CARRIER_DBM0} dBm0; it drops after
 * {@value #CARRIER_HANGOVER} samples below.
 *
 * <p><b>Framing.</b> A mark-to-space edge starts a character; the start bit is checked half a bit
 * later and the data and stop bits are sampled at their centres (6⅔ samples apart, kept
 * fractional). A space stop bit is a framing error: counted, the character dropped.
 *
 * <p><b>Preambles.</b> The channel seizure (alternating bits, which 8-N-1 framing reads as 0x55
 * octets from any edge) is reported after {@value #SEIZURE_OCTETS} such octets in a row; the mark
 * preamble is given with each character as the number of mark bits that preceded its start bit.
 *
 * <p>Threading: not thread-safe; one instance per line on the audio thread. No allocation per
 * sample or frame.
 */
public final class FskDemodulator {
    /** Receives characters on the thread that calls {@link #process}. */
    public interface Listener {
        /**
         * A character arrived.
         *
         * @param value the octet, 0–255
         * @param markBitsBefore whole mark bits received between the previous character (or the
         *     carrier's start) and this start bit; framing errors in between do not reset it
         * @param sampleIndex sample index of the start bit
         */
        void onByte(int value, int markBitsBefore, long sampleIndex);

        /** A run of channel-seizure octets has been seen. */
        default void onChannelSeizure(long sampleIndex) {}

        /** The carrier dropped; any character in progress was abandoned. */
        default void onCarrierLost(long sampleIndex) {}
    }

    static final int WINDOW = 7;
    static final double CARRIER_DBM0 = -42;
    static final int CARRIER_HANGOVER = 40;
    static final int SEIZURE_OCTETS = 8;
    private static final int PERIOD = 80;
    private static final double SAMPLES_PER_BIT = (double) Signals.SAMPLE_RATE / FskStandard.BAUD;

    private final Listener listener;
    private final double[] markCos = new double[PERIOD];
    private final double[] markSin = new double[PERIOD];
    private final double[] spaceCos = new double[PERIOD];
    private final double[] spaceSin = new double[PERIOD];
    private final double carrierEnergy;

    private final double[] mReTerms = new double[WINDOW];
    private final double[] mImTerms = new double[WINDOW];
    private final double[] sReTerms = new double[WINDOW];
    private final double[] sImTerms = new double[WINDOW];
    private int ringPos;
    private double mRe;
    private double mIm;
    private double sRe;
    private double sIm;
    private long n;

    private double diff1;
    private double diff2;
    private boolean carrier;
    private int belowCount;
    private boolean lastMark;
    private boolean inChar;
    private double nextSample;
    private int bitIndex;
    private int value;
    private long charStart;
    private long markSamples;
    private int seizureRun;
    private long framingErrors;
    private long bytes;

    /** A receiver for {@code standard} reporting to {@code listener}. */
    public FskDemodulator(FskStandard standard, Listener listener) {
        this.listener = listener;
        for (int k = 0; k < PERIOD; k++) {
            double wm = 2 * Math.PI * standard.markHz() * k / Signals.SAMPLE_RATE;
            double ws = 2 * Math.PI * standard.spaceHz() * k / Signals.SAMPLE_RATE;
            markCos[k] = Math.cos(wm);
            markSin[k] = Math.sin(wm);
            spaceCos[k] = Math.cos(ws);
            spaceSin[k] = Math.sin(ws);
        }
        double a = Signals.amplitude(CARRIER_DBM0);
        this.carrierEnergy = a * a * WINDOW * WINDOW / 4;
    }

    /** Feeds {@code len} A-law samples of {@code alaw} from {@code off}. */
    public void process(byte[] alaw, int off, int len) {
        for (int i = off; i < off + len; i++) {
            sample(G711.alawToLinear(alaw[i]));
        }
    }

    /** Characters dropped for a space stop bit. */
    public long framingErrors() {
        return framingErrors;
    }

    /** Characters delivered. */
    public long bytes() {
        return bytes;
    }

    private void sample(double x) {
        int k = (int) (n % PERIOD);
        double t;
        // each running sum gains the newest product and loses the one from a window ago
        t = x * markCos[k];
        mRe += t - mReTerms[ringPos];
        mReTerms[ringPos] = t;
        t = -x * markSin[k];
        mIm += t - mImTerms[ringPos];
        mImTerms[ringPos] = t;
        t = x * spaceCos[k];
        sRe += t - sReTerms[ringPos];
        sReTerms[ringPos] = t;
        t = -x * spaceSin[k];
        sIm += t - sImTerms[ringPos];
        sImTerms[ringPos] = t;
        ringPos = (ringPos + 1) % WINDOW;
        double mark = mRe * mRe + mIm * mIm;
        double space = sRe * sRe + sIm * sIm;
        // three-sample smoothing of the mark-minus-space statistic halves the decisions noise flips
        double diff = (mark - space) / (mark + space + 1e-9);
        boolean isMark = diff + diff1 + diff2 > 0;
        diff2 = diff1;
        diff1 = diff;
        updateCarrier(Math.max(mark, space));
        if (carrier) {
            frame(isMark);
        }
        lastMark = isMark;
        n++;
    }

    private void updateCarrier(double energy) {
        if (energy >= carrierEnergy) {
            belowCount = 0;
            if (!carrier) {
                carrier = true;
                markSamples = 0;
                inChar = false;
            }
        } else if (carrier && ++belowCount >= CARRIER_HANGOVER) {
            carrier = false;
            inChar = false;
            seizureRun = 0;
            listener.onCarrierLost(n);
        }
    }

    private void frame(boolean isMark) {
        if (!inChar) {
            if (isMark) {
                markSamples++;
            } else if (lastMark) {
                inChar = true;
                charStart = n;
                nextSample = n + SAMPLES_PER_BIT / 2;
                bitIndex = -1;
                value = 0;
            }
            return;
        }
        if (n < nextSample) {
            return;
        }
        nextSample += SAMPLES_PER_BIT;
        if (bitIndex < 0) {
            if (isMark) {
                inChar = false; // a glitch, not a start bit
                markSamples++;
            } else {
                bitIndex = 0;
            }
        } else if (bitIndex < 8) {
            value |= (isMark ? 1 : 0) << bitIndex;
            bitIndex++;
        } else {
            inChar = false;
            if (isMark) {
                deliver();
                markSamples = 0;
            } else {
                // a noise burst in the mark preamble is not a character: keep counting the preamble
                framingErrors++;
                seizureRun = 0;
            }
        }
    }

    private void deliver() {
        bytes++;
        int markBits = (int) (markSamples / SAMPLES_PER_BIT);
        if (value == 0x55) {
            if (++seizureRun == SEIZURE_OCTETS) {
                listener.onChannelSeizure(charStart);
            }
        } else {
            seizureRun = 0;
        }
        listener.onByte(value, markBits, charStart);
    }
}
