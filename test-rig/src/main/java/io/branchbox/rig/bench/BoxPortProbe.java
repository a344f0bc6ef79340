package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.link.ByteLink;
import io.branchbox.firmware.dsp.DtmfDetector;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The box's serial port timed by an {@link AudioTap} sized to run inside the process whose memory
 * is measured: turnaround and bridged transit go into {@link LatencyHistogram}s (not sample
 * arrays), the arrival tables hold 16 frames per channel. It also runs a {@link DtmfDetector} on
 * every audio channel the board sends, on the link's reader thread (the audio path), so the
 * full-load benchmark carries DTMF detection on all 38 channels and not only on callers in a menu.
 *
 * <p>Threading: as {@link AudioTap}; the detectors run on the reader thread only. Histograms are
 * read after {@link #stopMeasuring}.
 */
final class BoxPortProbe {
    private final LatencyHistogram turnaround = new LatencyHistogram();
    private final LatencyHistogram transit = new LatencyHistogram();
    private final DtmfDetector[] detectors = new DtmfDetector[AudioTap.slots()];
    private final AtomicLong digits = new AtomicLong();
    private final AtomicLong detectedFrames = new AtomicLong();
    private final AudioTap tap;
    private final BoxSignalStamps signals = new BoxSignalStamps();
    private volatile long dtmfNanos;
    private volatile boolean measuring;

    /** @param dtmf whether to run a DTMF detector on every channel's received audio */
    BoxPortProbe(boolean dtmf) {
        AudioTap.Sink sink = new AudioTap.Sink() {
            @Override
            public void turnaround(long nanos) {
                turnaround.record(nanos);
            }

            @Override
            public void transit(long nanos) {
                transit.record(nanos);
            }
        };
        tap = new AudioTap(16, sink, dtmf ? this::detect : null);
        tap.controlHook(signals);
    }

    /** Q.931 messages at the box's port, for the burst's timing. */
    BoxSignalStamps signals() {
        return signals;
    }

    ByteLink wrap(ByteLink inner) {
        return tap.wrap(inner);
    }

    void startMeasuring() {
        measuring = true;
        tap.startMeasuring();
    }

    void stopMeasuring() {
        tap.stopMeasuring();
        measuring = false;
    }

    LatencyHistogram turnaround() {
        return turnaround;
    }

    LatencyHistogram transit() {
        return transit;
    }

    long unmatched() {
        return tap.unmatched();
    }

    /** Digits the detectors reported (the bench's audio holds none: a non-zero count is talk-off). */
    long digits() {
        return digits.get();
    }

    /** Frames analysed by the detectors. */
    long detectedFrames() {
        return detectedFrames.get();
    }

    /**
     * Time of the tap that is the bench's own measuring, not the box's work ({@link ProbeTime}):
     * the tap's total minus the DTMF detectors, which stand for the box's detection on every
     * channel (issue 20) and so stay counted as the box's. Read after {@link #stopMeasuring}.
     */
    long instrumentNanos() {
        return tap.spentNanos() - dtmfNanos;
    }

    private void detect(int slot, byte[] content, int off, int len) {
        if (!measuring) {
            detectOn(slot, content, off, len);
            return;
        }
        long t0 = System.nanoTime();
        detectOn(slot, content, off, len);
        dtmfNanos += ProbeTime.span(t0); // the reader thread only
    }

    private void detectOn(int slot, byte[] content, int off, int len) {
        DtmfDetector d = detectors[slot];
        if (d == null) {
            d = new DtmfDetector((digit, at) -> digits.incrementAndGet());
            detectors[slot] = d;
        }
        d.process(content, off, len);
        detectedFrames.incrementAndGet();
    }
}
