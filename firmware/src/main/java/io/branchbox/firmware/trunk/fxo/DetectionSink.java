package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.dsp.CallerId;
import java.util.Map;

/** Detector results, on the signalling thread; stale generations are dropped. */
final class DetectionSink implements LineDetectors.Sink {
    private final FxoLine line;

    DetectionSink(FxoLine line) {
        this.line = line;
    }

    @Override
    public void onTone(int generation, String tone, boolean start) {
        if (generation != line.detectors().generation()) {
            return;
        }
        if (start) {
            line.detected("tone", Map.of("name", tone), "tone " + tone);
        } else {
            line.toneEnded(tone);
        }
        line.current().onTone(tone, start);
    }

    @Override
    public void onDigit(int generation, char digit) {
        if (generation != line.detectors().generation()) {
            return;
        }
        line.detected("dtmf", Map.of("digit", String.valueOf(digit)), "DTMF " + digit);
        line.current().onDigit(digit);
    }

    @Override
    public void onCallerId(int generation, CallerId id) {
        if (generation != line.detectors().generation()) {
            return;
        }
        line.detected("callerid", id.fields(), "caller ID " + id.format() + " number '" + id.number() + "' name '" + id.name()
                + "' raw " + id.rawHex() + (id.checksumOk() ? "" : " (bad checksum)"));
        line.current().onCallerId(id);
    }
}
