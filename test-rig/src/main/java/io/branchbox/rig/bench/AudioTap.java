package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.frame.HdlcDecoder;
import io.branchbox.drivers.cb1.link.ByteLink;
import io.branchbox.drivers.cb1.link.ByteListener;
import io.branchbox.drivers.cb1.msg.AudioFrames;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Times audio frames at the box's own serial port: a {@link ByteLink} decorator around the box's
 * real link that deframes a copy of both byte streams. A frame's arrival is stamped when its bytes
 * come out of the port, before the box's reader sees them; a frame leaving is stamped when the
 * box's write of its bytes to the port returns.
 *
 * <p>Two figures per frame leaving:
 * <ul>
 *   <li><b>turnaround</b>: arrival of AUDIO (unit, chan, frame_no) → the box's AUDIO answer with
 *       the same (unit, chan, frame_no) written, on every open channel (bridged, IVR, queue);</li>
 *   <li><b>transit</b>: arrival of a frame carrying a {@link StampedTalker} tag on one channel →
 *       the same tagged samples written on another channel (the bridged peer).</li>
 * </ul>
 *
 * <p>Threading: the receive side runs on the link's reader thread, the send side on the box's
 * writer thread; they share only the arrival tables (atomic). Sample arrays are filled by the
 * writer thread only and read after {@link #stopMeasuring}. The tap deframes on the box's own
 * threads, so its small cost (one HDLC decode per frame) counts as box CPU.
 */
final class AudioTap {
    private static final int RING = 256;
    private static final int SLOTS = 0x40 * 32;

    private final AtomicLongArray arrival = new AtomicLongArray(SLOTS * RING);
    private final int[] arrivalNo = new int[SLOTS * RING];
    private final AtomicLongArray tagArrival = new AtomicLongArray(StampedTalker.MAX_TALKERS * RING);
    private final long[] tagArrivalNo = new long[StampedTalker.MAX_TALKERS * RING];
    private final long[] turnaround;
    private final long[] transit;
    private int turnaroundCount;
    private int transitCount;
    private long unmatched;
    private volatile boolean measuring;

    AudioTap(int maxSamples) {
        turnaround = new long[maxSamples];
        transit = new long[maxSamples];
    }

    /** Wraps the box's link. */
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

    long[] turnaround() {
        return java.util.Arrays.copyOf(turnaround, turnaroundCount);
    }

    long[] transit() {
        return java.util.Arrays.copyOf(transit, transitCount);
    }

    /** Frames sent whose arrival was not found (overwritten ring entry or never seen). */
    long unmatched() {
        return unmatched;
    }

    private void received(byte[] c, int off, int len) {
        if (!AudioFrames.isAudio(c, off, len)) {
            return;
        }
        long now = System.nanoTime();
        int i = slot(c, off) * RING + (AudioFrames.frameNo(c, off) & (RING - 1));
        arrivalNo[i] = AudioFrames.frameNo(c, off);
        arrival.set(i, now); // the volatile write publishes arrivalNo too
        int s = off + AudioFrames.SAMPLES_OFFSET;
        if (StampedTalker.isTagged(c, s)) {
            int t = StampedTalker.talker(c, s) * RING + (int) (StampedTalker.counter(c, s) & (RING - 1));
            tagArrivalNo[t] = StampedTalker.counter(c, s);
            tagArrival.set(t, now);
        }
    }

    private void sent(byte[] c, int off, int len) {
        if (!measuring || !AudioFrames.isAudio(c, off, len)) {
            return;
        }
        long now = System.nanoTime();
        int i = slot(c, off) * RING + (AudioFrames.frameNo(c, off) & (RING - 1));
        long at = arrival.get(i);
        if (at != 0 && arrivalNo[i] == AudioFrames.frameNo(c, off) && turnaroundCount < turnaround.length) {
            turnaround[turnaroundCount++] = now - at;
        } else {
            unmatched++;
        }
        int s = off + AudioFrames.SAMPLES_OFFSET;
        if (StampedTalker.isTagged(c, s)) {
            int t = StampedTalker.talker(c, s) * RING + (int) (StampedTalker.counter(c, s) & (RING - 1));
            long tagAt = tagArrival.get(t);
            if (tagAt != 0 && tagArrivalNo[t] == StampedTalker.counter(c, s) && transitCount < transit.length) {
                transit[transitCount++] = now - tagAt;
            }
        }
    }

    private static int slot(byte[] c, int off) {
        return (AudioFrames.unit(c, off) & 0x3F) * 32 + (AudioFrames.chan(c, off) & 31);
    }
}
