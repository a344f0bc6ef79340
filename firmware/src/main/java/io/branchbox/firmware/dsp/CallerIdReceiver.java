package io.branchbox.firmware.dsp;

import io.branchbox.firmware.dsp.CallerIdException.Reason;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives caller ID on one analogue line, in the way that line delivers it: Bell 202 or V.23
 * FSK (SDMF/MDMF, see {@link CallerIdParser}) or DTMF (see {@link DtmfCallerIdParser}).
 *
 * <p>An FSK message is taken only when its type octet (0x04 or 0x80) follows at least
 * {@value #MIN_MARK_BITS} mark bits (the mark preamble; GR-30 sends 180, EN 300 659 80 ± 25), so
 * line noise and speech that the demodulator turns into characters do not start messages. A
 * message cut short by the carrier dropping or by a framing error is dropped and counted, as is
 * one the parser refuses; one whose checksum fails is delivered with {@code checksumOk = false}.
 *
 * <p>Threading: not thread-safe; one instance per line on the audio thread. Allocates only when
 * a message completes.
 */
public final class CallerIdReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(CallerIdReceiver.class);

    /** How a line delivers caller ID. */
    public enum LineType {
        BELL_202,
        V23,
        DTMF
    }

    /** Receives caller ID on the thread that calls {@link #process}. */
    public interface Listener {
        void onCallerId(CallerId callerId, long sampleIndex);
    }

    static final int MIN_MARK_BITS = 40;

    private final Listener listener;
    private final FskDemodulator fsk;
    private final DtmfDetector dtmf;
    private final DtmfCallerIdParser dtmfParser;
    private final byte[] message = new byte[258];
    private final Map<Reason, Long> refused = new EnumMap<>(Reason.class);
    private int length;
    private int expected = -1;
    private long messageStart;
    private long samples;
    private long messages;
    private long checksumErrors;
    private long truncated;
    private boolean seizureSeen;

    /** A receiver for a line of {@code type}. */
    public CallerIdReceiver(LineType type, Listener listener) {
        this.listener = listener;
        if (type == LineType.DTMF) {
            this.fsk = null;
            this.dtmfParser = new DtmfCallerIdParser(listener::onCallerId);
            this.dtmf = new DtmfDetector(dtmfParser::onDigit);
        } else {
            FskStandard std = type == LineType.BELL_202 ? FskStandard.BELL_202 : FskStandard.V23;
            this.fsk = new FskDemodulator(std, new Assembler());
            this.dtmf = null;
            this.dtmfParser = null;
        }
    }

    /** Feeds {@code len} A-law samples of {@code alaw} from {@code off}. */
    public void process(byte[] alaw, int off, int len) {
        if (fsk != null) {
            fsk.process(alaw, off, len);
        } else {
            dtmf.process(alaw, off, len);
        }
        samples += len;
        if (dtmfParser != null) {
            dtmfParser.idle(samples);
        }
    }

    /** Messages delivered (FSK). */
    public long messages() {
        return messages;
    }

    /** Messages delivered with a failed checksum. */
    public long checksumErrors() {
        return checksumErrors;
    }

    /** Messages lost to carrier drop or framing errors part-way. */
    public long truncated() {
        return truncated;
    }

    /** Messages the parser refused, by reason. */
    public long refused(Reason reason) {
        return refused.getOrDefault(reason, 0L);
    }

    /** True once an FSK channel seizure has been heard on this line. */
    public boolean seizureSeen() {
        return seizureSeen;
    }

    /** Turns FSK characters into messages. */
    private final class Assembler implements FskDemodulator.Listener {
        @Override
        public void onByte(int value, int markBitsBefore, long sampleIndex) {
            if (expected < 0) {
                if ((value == CallerIdParser.SDMF || value == CallerIdParser.MDMF) && markBitsBefore >= MIN_MARK_BITS) {
                    message[0] = (byte) value;
                    length = 1;
                    expected = 0;
                    messageStart = sampleIndex;
                }
                return;
            }
            message[length++] = (byte) value;
            if (length == 2) {
                expected = value + 3;
            } else if (length == expected) {
                complete();
            }
        }

        @Override
        public void onChannelSeizure(long sampleIndex) {
            seizureSeen = true;
        }

        @Override
        public void onCarrierLost(long sampleIndex) {
            if (expected >= 0) {
                truncated++;
                LOG.debug("caller ID cut short after {} octets", length);
                expected = -1;
            }
        }
    }

    private void complete() {
        expected = -1;
        try {
            CallerId id = CallerIdParser.parse(Arrays.copyOf(message, length));
            messages++;
            if (!id.checksumOk()) {
                checksumErrors++;
            }
            listener.onCallerId(id, messageStart);
        } catch (CallerIdException e) {
            refused.merge(e.reason(), 1L, Long::sum);
            LOG.debug("caller ID refused: {}", e.getMessage());
        }
    }
}
