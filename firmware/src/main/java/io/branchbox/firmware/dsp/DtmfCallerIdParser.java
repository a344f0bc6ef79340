package io.branchbox.firmware.dsp;

/**
 * Assembles DTMF caller ID from received digits. Accepted variants (ETSI TS 101 109 style and the
 * forms used by Chinese and Taiwanese exchanges):
 * <ul>
 *   <li>{@code A<digits>C} or {@code D<digits>C}: the calling number;
 *   <li>{@code B00C}: number unavailable ('O'), {@code B10C}: number private ('P');
 *   <li>'#' is accepted in place of the final 'C', and a message without end code is closed when
 *       no digit has come for {@value #TIMEOUT_MS} ms (see {@link #idle}).
 * </ul>
 * Any other digit inside a message (a '*', a second start code) abandons it; digits outside a
 * message are ignored, so ordinary dialling does not produce caller ID.
 *
 * <p>Threading: not thread-safe; fed on the audio thread by {@link CallerIdReceiver}.
 */
public final class DtmfCallerIdParser {
    /** Receives caller ID on the thread that feeds the digits. */
    public interface Listener {
        void onCallerId(CallerId callerId, long sampleIndex);
    }

    static final int TIMEOUT_MS = 1000;
    private static final long TIMEOUT_SAMPLES = (long) TIMEOUT_MS * Signals.SAMPLE_RATE / 1000;
    private static final int MAX_DIGITS = 32;

    private final Listener listener;
    private final StringBuilder raw = new StringBuilder(MAX_DIGITS + 2);
    private char start;
    private long startSample;
    private long lastSample;

    public DtmfCallerIdParser(Listener listener) {
        this.listener = listener;
    }

    /** One received digit. */
    public void onDigit(char digit, long sampleIndex) {
        idle(sampleIndex);
        if (start == 0) {
            if (digit == 'A' || digit == 'B' || digit == 'D') {
                start = digit;
                startSample = sampleIndex;
                raw.setLength(0);
                raw.append(digit);
                lastSample = sampleIndex;
            }
            return;
        }
        lastSample = sampleIndex;
        if (digit == 'C' || digit == '#') {
            raw.append(digit);
            finish();
        } else if (digit >= '0' && digit <= '9' && raw.length() <= MAX_DIGITS) {
            raw.append(digit);
        } else {
            start = 0;
        }
    }

    /** Tells the parser that audio up to {@code sampleIndex} has been heard; closes a stale message. */
    public void idle(long sampleIndex) {
        if (start != 0 && sampleIndex - lastSample > TIMEOUT_SAMPLES) {
            finish();
        }
    }

    private void finish() {
        String text = raw.toString();
        char kind = start;
        start = 0;
        String body = text.substring(1).replaceAll("[C#]$", "");
        if (body.isEmpty()) {
            return;
        }
        CallerId id;
        if (kind == 'B') {
            Character reason = switch (body) {
                case "00" -> 'O';
                case "10" -> 'P';
                default -> null;
            };
            if (reason == null) {
                return;
            }
            id = new CallerId(CallerId.Format.DTMF, null, null, null, reason, null, text, true);
        } else {
            id = new CallerId(CallerId.Format.DTMF, body, null, null, null, null, text, true);
        }
        listener.onCallerId(id, startSample);
    }
}
