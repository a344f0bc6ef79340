package io.branchbox.rig.bench;

import io.branchbox.rig.board.AudioEndpoint;
import java.nio.ByteBuffer;

/**
 * A bench talker and listener on one board channel: every frame it sends is a tone whose first
 * 15 bytes carry a tag (two marker bytes, the talker's index, a frame counter and the simulator's
 * {@code System.nanoTime()} when the frame was made), so the box's path can be timed at its port
 * ({@link AudioTap}) and end to end here: a tagged frame of another talker heard at the board's
 * playout gives the mouth-to-ear delay through the link, the box and the board's two-frame jitter
 * buffer.
 *
 * <p>Threading: the board simulator calls {@link #nextToHost} and {@link #fromHost} on its core
 * thread; samples are read after the run.
 */
final class StampedTalker implements AudioEndpoint {
    static final int MAX_TALKERS = 64;
    private static final byte MARK0 = (byte) 0xB7;
    private static final byte MARK1 = (byte) 0x5A;

    private final int index;
    private final byte[] tone;
    private final long[] heard;
    private int heardCount;
    private long counter;
    private long heardTagged;
    private volatile boolean measuring;

    StampedTalker(int index, byte[] tone, int maxSamples) {
        if (index < 0 || index >= MAX_TALKERS) {
            throw new IllegalArgumentException("talker index must be 0.." + (MAX_TALKERS - 1) + ": " + index);
        }
        this.index = index;
        this.tone = tone.clone();
        this.heard = new long[maxSamples];
    }

    /**
     * A talker with the bench's tone ({@link BenchSite#toneFrame}) on each of the 30 B-channels of
     * E1 span 0 and on headsets 0..{@code seats}-1 of {@code board}, in that order.
     */
    static java.util.List<StampedTalker> onTrunkAndHeadsets(io.branchbox.rig.board.BoardSimulator board, int seats,
            int maxSamples) {
        byte[] tone = BenchSite.toneFrame();
        java.util.List<StampedTalker> talkers = new java.util.ArrayList<>();
        for (int ts = 1; ts < 32; ts++) {
            if (ts != io.branchbox.drivers.cb1.msg.SpanConfig.D_CHANNEL_TIMESLOT) {
                StampedTalker t = new StampedTalker(talkers.size(), tone, maxSamples);
                talkers.add(t);
                board.setAudioEndpoint(io.branchbox.drivers.cb1.msg.Units.span(0), ts, t);
            }
        }
        for (int h = 0; h < seats; h++) {
            StampedTalker t = new StampedTalker(talkers.size(), tone, maxSamples);
            talkers.add(t);
            board.setAudioEndpoint(io.branchbox.drivers.cb1.msg.Units.headset(h), 0, t);
        }
        return talkers;
    }

    static boolean isTagged(byte[] f, int off) {
        return f[off] == MARK0 && f[off + 1] == MARK1 && (f[off + 2] & 0xFF) < MAX_TALKERS;
    }

    static int talker(byte[] f, int off) {
        return f[off + 2] & 0xFF;
    }

    static long counter(byte[] f, int off) {
        return ByteBuffer.wrap(f, off + 3, 4).getInt() & 0xFFFF_FFFFL;
    }

    @Override
    public void nextToHost(byte[] frame) {
        System.arraycopy(tone, 0, frame, 0, frame.length);
        frame[0] = MARK0;
        frame[1] = MARK1;
        frame[2] = (byte) index;
        ByteBuffer.wrap(frame).putInt(3, (int) counter++).putLong(7, System.nanoTime());
    }

    @Override
    public void fromHost(byte[] frame) {
        if (!isTagged(frame, 0) || talker(frame, 0) == index) {
            return;
        }
        heardTagged++;
        if (measuring && heardCount < heard.length) {
            heard[heardCount++] = System.nanoTime() - ByteBuffer.wrap(frame).getLong(7);
        }
    }

    void measuring(boolean on) {
        measuring = on;
    }

    long[] heard() {
        return java.util.Arrays.copyOf(heard, heardCount);
    }

    long heardTagged() {
        return heardTagged;
    }
}
