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
 * <p>The timings go to a {@link Sink}: every sample in arrays ({@link #AudioTap(int)}), or fixed-size
 * histograms where the tap runs inside the process whose memory is measured ({@link BoxPortProbe}).
 * An {@link AudioHook} may see every frame received (the DTMF load).
 *
 * <p>Threading: the receive side (and the hook) runs on the link's reader thread, the send side on
 * the box's writer thread; they share only the arrival tables (atomic). The sink is fed by the
 * writer thread only and read after {@link #stopMeasuring}. The tap deframes on the box's own
 * threads, so its small cost (one HDLC decode per frame) counts as box CPU.
 */
final class AudioTap {
    private static final int SLOTS = 0x40 * 32;

    /** Where the timings go; called on the box's writer thread only. */
    interface Sink {
        void turnaround(long nanos);

        void transit(long nanos);
    }

    /** Sees every AUDIO frame the board sends, on the link's reader thread (the audio path). */
    interface AudioHook {
        /** {@code slot} is (unit, chan) as one index below {@value #SLOTS}; the samples are at {@code off}. */
        void onAudio(int slot, byte[] content, int off, int len);
    }

    /**
     * Sees every other frame (control, D-channel) both ways with its stamp: on the reader thread
     * for frames from the board, on the writer thread for frames to it.
     */
    interface ControlHook {
        void onControl(boolean fromBoard, byte[] content, int off, int len, long nanos);
    }

    private final int ring;
    private final AtomicLongArray arrival;
    private final int[] arrivalNo;
    private final AtomicLongArray tagArrival;
    private final long[] tagArrivalNo;
    private final Sink sink;
    private final AudioHook hook;
    private final ArraySink arrays;
    private long unmatched;
    private volatile boolean measuring;
    /** Time the tap spent while measuring, on the reader's thread and on the writer's (one writer each). */
    private volatile long readSideNanos;
    private volatile long writeSideNanos;
    private volatile ControlHook controlHook;

    /** Keeps every sample (up to {@code maxSamples} of each kind), 256 frames of arrival per channel. */
    AudioTap(int maxSamples) {
        this(256, new ArraySink(maxSamples), null);
    }

    /**
     * @param ring frames of arrival kept per channel (a power of two)
     * @param sink where turnaround and transit go
     * @param hook sees every received AUDIO frame, or null
     */
    AudioTap(int ring, Sink sink, AudioHook hook) {
        if (Integer.bitCount(ring) != 1) {
            throw new IllegalArgumentException("ring must be a power of two: " + ring);
        }
        this.ring = ring;
        this.arrival = new AtomicLongArray(SLOTS * ring);
        this.arrivalNo = new int[SLOTS * ring];
        this.tagArrival = new AtomicLongArray(StampedTalker.MAX_TALKERS * ring);
        this.tagArrivalNo = new long[StampedTalker.MAX_TALKERS * ring];
        this.sink = sink;
        this.hook = hook;
        this.arrays = sink instanceof ArraySink a ? a : null;
    }

    /** Number of (unit, chan) slots a hook may see. */
    static int slots() {
        return SLOTS;
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
                        readSideNanos += feed(rx, b, off, len); // one reader thread
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
                writeSideNanos += feed(tx, b, off, len); // one writer thread
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

    /** Feeds {@code decoder}; the time it took when measuring ({@link ProbeTime}), else 0. */
    private long feed(HdlcDecoder decoder, byte[] b, int off, int len) {
        if (!measuring) {
            decoder.feed(b, off, len);
            return 0;
        }
        long t0 = System.nanoTime();
        decoder.feed(b, off, len);
        return ProbeTime.span(t0);
    }

    /** Every non-audio frame from now on also goes to {@code hook}. */
    void controlHook(ControlHook hook) {
        controlHook = hook;
    }

    void startMeasuring() {
        measuring = true;
    }

    void stopMeasuring() {
        measuring = false;
    }

    /** The turnaround samples, when made with {@link #AudioTap(int)}. */
    long[] turnaround() {
        return java.util.Arrays.copyOf(arrays.turnaround, arrays.turnaroundCount);
    }

    /** The transit samples, when made with {@link #AudioTap(int)}. */
    long[] transit() {
        return java.util.Arrays.copyOf(arrays.transit, arrays.transitCount);
    }

    /**
     * Time the tap itself used on the box's link threads while measuring (its copy of the
     * deframing both ways, its stamps, and the audio hook it calls), as {@link ProbeTime} counts
     * it: bench instrumentation that a box in the field does not run. Read after {@link #stopMeasuring}.
     */
    long spentNanos() {
        return readSideNanos + writeSideNanos;
    }

    /** Frames sent whose arrival was not found (overwritten ring entry or never seen). */
    long unmatched() {
        return unmatched;
    }

    /** Hands a frame that is not AUDIO to the control hook; false for an AUDIO frame. */
    private boolean control(boolean fromBoard, byte[] c, int off, int len, long now) {
        if (AudioFrames.isAudio(c, off, len)) {
            return false;
        }
        ControlHook h = controlHook;
        if (h != null) {
            h.onControl(fromBoard, c, off, len, now);
        }
        return true;
    }

    private void received(byte[] c, int off, int len) {
        long now = System.nanoTime();
        if (control(true, c, off, len, now)) {
            return;
        }
        int slot = slot(c, off);
        int i = slot * ring + (AudioFrames.frameNo(c, off) & (ring - 1));
        arrivalNo[i] = AudioFrames.frameNo(c, off);
        arrival.set(i, now); // the volatile write publishes arrivalNo too
        int s = off + AudioFrames.SAMPLES_OFFSET;
        if (StampedTalker.isTagged(c, s)) {
            int t = StampedTalker.talker(c, s) * ring + (int) (StampedTalker.counter(c, s) & (ring - 1));
            tagArrivalNo[t] = StampedTalker.counter(c, s);
            tagArrival.set(t, now);
        }
        if (hook != null) {
            hook.onAudio(slot, c, s, off + len - s);
        }
    }

    private void sent(byte[] c, int off, int len) {
        long now = System.nanoTime();
        if (control(false, c, off, len, now) || !measuring) {
            return;
        }
        int i = slot(c, off) * ring + (AudioFrames.frameNo(c, off) & (ring - 1));
        long at = arrival.get(i);
        if (at != 0 && arrivalNo[i] == AudioFrames.frameNo(c, off)) {
            sink.turnaround(now - at);
        } else {
            unmatched++;
        }
        int s = off + AudioFrames.SAMPLES_OFFSET;
        if (StampedTalker.isTagged(c, s)) {
            int t = StampedTalker.talker(c, s) * ring + (int) (StampedTalker.counter(c, s) & (ring - 1));
            long tagAt = tagArrival.get(t);
            if (tagAt != 0 && tagArrivalNo[t] == StampedTalker.counter(c, s)) {
                sink.transit(now - tagAt);
            }
        }
    }

    private static int slot(byte[] c, int off) {
        return (AudioFrames.unit(c, off) & 0x3F) * 32 + (AudioFrames.chan(c, off) & 31);
    }

    /** Every sample kept, up to a fixed count of each kind (samples beyond it are dropped). */
    private static final class ArraySink implements Sink {
        final long[] turnaround;
        final long[] transit;
        int turnaroundCount;
        int transitCount;

        ArraySink(int max) {
            turnaround = new long[max];
            transit = new long[max];
        }

        @Override
        public void turnaround(long nanos) {
            if (turnaroundCount < turnaround.length) {
                turnaround[turnaroundCount++] = nanos;
            }
        }

        @Override
        public void transit(long nanos) {
            if (transitCount < transit.length) {
                transit[transitCount++] = nanos;
            }
        }
    }
}
