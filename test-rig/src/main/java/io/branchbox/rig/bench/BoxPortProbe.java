package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.frame.HdlcDecoder;
import io.branchbox.drivers.cb1.link.ByteLink;
import io.branchbox.drivers.cb1.link.ByteListener;
import io.branchbox.drivers.cb1.msg.AudioFrames;
import io.branchbox.firmware.dsp.DtmfDetector;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The box's serial port as {@link AudioTap} times it, sized to run inside the process whose memory
 * is measured: turnaround and bridged transit go into {@link LatencyHistogram}s (not sample
 * arrays), the arrival tables hold 16 frames per channel. It also runs a {@link DtmfDetector} on
 * every audio channel the board sends, on the link's reader thread (the audio path), so the
 * full-load benchmark carries DTMF detection on all 38 channels and not only on the callers in a
 * menu.
 *
 * <p>Threading: the receive side (arrival stamps, detectors) runs on the link's reader thread, the
 * send side (histograms) on the box's writer thread; they share only the atomic arrival tables.
 * Histograms are read after {@link #stopMeasuring}.
 */
final class BoxPortProbe {
    private static final int RING = 16;
    private static final int SLOTS = 0x40 * 32;

    private final AtomicLongArray arrival = new AtomicLongArray(SLOTS * RING);
    private final int[] arrivalNo = new int[SLOTS * RING];
    private final AtomicLongArray tagArrival = new AtomicLongArray(StampedTalker.MAX_TALKERS * RING);
    private final long[] tagArrivalNo = new long[StampedTalker.MAX_TALKERS * RING];
    private final DtmfDetector[] detectors;
    private final AtomicLong digits = new AtomicLong();
    private final AtomicLong detectedFrames = new AtomicLong();
    private final LatencyHistogram turnaround = new LatencyHistogram();
    private final LatencyHistogram transit = new LatencyHistogram();
    private long unmatched;
    private volatile boolean measuring;

    /** @param dtmf whether to run a DTMF detector on every channel's received audio */
    BoxPortProbe(boolean dtmf) {
        detectors = dtmf ? new DtmfDetector[SLOTS] : null;
    }

    ByteLink wrap(ByteLink inner) {
        HdlcDecoder rx = new HdlcDecoder(this::received);
        HdlcDecoder tx = new HdlcDecoder(this::sent);
        return new ByteLink() {
            @Override
            public void open(ByteListener listener) throws IOException {
                inner.open(new ByteListener() {
                    @Override
                    public void onBytes(byte[] b, int off, int len) {
                        rx.feed(b, off, len);
                        listener.onBytes(b, off, len);
                    }

                    @Override
                    public void onClosed(IOException cause) {
                        listener.onClosed(cause);
                    }
                });
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                inner.write(b, off, len);
                tx.feed(b, off, len);
            }

            @Override
            public void close() {
                inner.close();
            }

            @Override
            public boolean isOpen() {
                return inner.isOpen();
            }
        };
    }

    void startMeasuring() {
        measuring = true;
    }

    void stopMeasuring() {
        measuring = false;
    }

    LatencyHistogram turnaround() {
        return turnaround;
    }

    LatencyHistogram transit() {
        return transit;
    }

    long unmatched() {
        return unmatched;
    }

    /** Digits the detectors reported (the bench's audio holds none: a non-zero count is talk-off). */
    long digits() {
        return digits.get();
    }

    /** Frames analysed by the detectors. */
    long detectedFrames() {
        return detectedFrames.get();
    }

    private void received(byte[] c, int off, int len) {
        if (!AudioFrames.isAudio(c, off, len)) {
            return;
        }
        long now = System.nanoTime();
        int slot = slot(c, off);
        int i = slot * RING + (AudioFrames.frameNo(c, off) & (RING - 1));
        arrivalNo[i] = AudioFrames.frameNo(c, off);
        arrival.set(i, now);
        int s = off + AudioFrames.SAMPLES_OFFSET;
        if (StampedTalker.isTagged(c, s)) {
            int t = StampedTalker.talker(c, s) * RING + (int) (StampedTalker.counter(c, s) & (RING - 1));
            tagArrivalNo[t] = StampedTalker.counter(c, s);
            tagArrival.set(t, now);
        }
        if (detectors != null) {
            DtmfDetector d = detectors[slot];
            if (d == null) {
                d = new DtmfDetector((digit, at) -> digits.incrementAndGet());
                detectors[slot] = d;
            }
            d.process(c, s, off + len - s);
            detectedFrames.incrementAndGet();
        }
    }

    private void sent(byte[] c, int off, int len) {
        if (!measuring || !AudioFrames.isAudio(c, off, len)) {
            return;
        }
        long now = System.nanoTime();
        int i = slot(c, off) * RING + (AudioFrames.frameNo(c, off) & (RING - 1));
        long at = arrival.get(i);
        if (at != 0 && arrivalNo[i] == AudioFrames.frameNo(c, off)) {
            turnaround.record(now - at);
        } else {
            unmatched++;
        }
        int s = off + AudioFrames.SAMPLES_OFFSET;
        if (StampedTalker.isTagged(c, s)) {
            int t = StampedTalker.talker(c, s) * RING + (int) (StampedTalker.counter(c, s) & (RING - 1));
            long tagAt = tagArrival.get(t);
            if (tagAt != 0 && tagArrivalNo[t] == StampedTalker.counter(c, s)) {
                transit.record(now - tagAt);
            }
        }
    }

    private static int slot(byte[] c, int off) {
        return (AudioFrames.unit(c, off) & 0x3F) * 32 + (AudioFrames.chan(c, off) & 31);
    }
}
