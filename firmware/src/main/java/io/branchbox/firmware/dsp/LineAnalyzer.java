package io.branchbox.firmware.dsp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs every detector of this package over a whole A-law recording of a line and lists what it
 * heard: DTMF digits, call-progress tones of a {@link TonePlan}, and caller ID (Bell 202 and V.23
 * FSK, and DTMF). Backs the {@code analyze-line FILE.wav} command.
 *
 * <p>The same FSK burst may be read by both FSK receivers (their frequencies are close); identical
 * messages less than a second apart are listed once. Detections are sorted by time.
 *
 * <p>Thread-safe: each {@link #analyze} call uses its own detectors. Meant for files, not the
 * audio path.
 */
public final class LineAnalyzer {
    private static final int FRAME = 160;
    private static final long SAME_MESSAGE_MS = 1000;

    private final TonePlan plan;

    /** An analyzer with China's tones. */
    public LineAnalyzer() {
        this(TonePlan.china());
    }

    /** An analyzer that knows the tones of {@code plan}. */
    public LineAnalyzer(TonePlan plan) {
        this.plan = plan;
    }

    /** What was heard in {@code alaw}, in time order. */
    public List<Detection> analyze(byte[] alaw) {
        List<Detection> out = new ArrayList<>();
        Map<String, Long> digitStart = new LinkedHashMap<>();
        DtmfCallerIdParser dtmfCid = new DtmfCallerIdParser((id, at) -> out.add(callerId(id, at)));
        DtmfDetector dtmf = new DtmfDetector(new DtmfDetector.Listener() {
            @Override
            public void onDigit(char digit, long sampleIndex) {
                digitStart.put(String.valueOf(digit), sampleIndex);
                dtmfCid.onDigit(digit, sampleIndex);
            }

            @Override
            public void onDigitEnd(char digit, long sampleIndex) {
                Long start = digitStart.remove(String.valueOf(digit));
                if (start != null) {
                    out.add(new Detection(ms(start), "dtmf", Map.of(
                            "digit", String.valueOf(digit), "duration_ms", ms(sampleIndex - start))));
                }
            }
        });
        ToneDetector tones = new ToneDetector(plan, (name, at) -> out.add(new Detection(ms(at), "tone", Map.of("name", name))));
        List<Detection> fsk = new ArrayList<>();
        CallerIdReceiver bell = new CallerIdReceiver(CallerIdReceiver.LineType.BELL_202, (id, at) -> fsk.add(callerId(id, at)));
        CallerIdReceiver v23 = new CallerIdReceiver(CallerIdReceiver.LineType.V23, (id, at) -> fsk.add(callerId(id, at)));
        for (int off = 0; off < alaw.length; off += FRAME) {
            int len = Math.min(FRAME, alaw.length - off);
            dtmf.process(alaw, off, len);
            tones.process(alaw, off, len);
            bell.process(alaw, off, len);
            v23.process(alaw, off, len);
            dtmfCid.idle(dtmf.samplesProcessed());
        }
        // a digit still sounding at the end of the file is listed without a duration
        digitStart.forEach((digit, start) -> out.add(new Detection(ms(start), "dtmf", Map.of("digit", digit))));
        dtmfCid.idle(Long.MAX_VALUE / 2);
        out.addAll(withoutRepeats(fsk));
        out.sort(Comparator.comparingLong(Detection::tMs));
        return out;
    }

    /** One JSON object per line. */
    public static String toJsonLines(List<Detection> detections) {
        return detections.stream().map(Detection::toJson).collect(Collectors.joining("\n", "", "\n"));
    }

    private static List<Detection> withoutRepeats(List<Detection> fsk) {
        fsk.sort(Comparator.comparingLong(Detection::tMs));
        List<Detection> kept = new ArrayList<>();
        for (Detection d : fsk) {
            boolean repeat = kept.stream().anyMatch(k -> k.fields().get("raw").equals(d.fields().get("raw"))
                    && Math.abs(k.tMs() - d.tMs()) < SAME_MESSAGE_MS);
            if (!repeat) {
                kept.add(d);
            }
        }
        return kept;
    }

    private static Detection callerId(CallerId id, long sampleIndex) {
        return new Detection(ms(sampleIndex), "callerid", id.fields());
    }

    private static long ms(long samples) {
        return samples * 1000 / Signals.SAMPLE_RATE;
    }
}
