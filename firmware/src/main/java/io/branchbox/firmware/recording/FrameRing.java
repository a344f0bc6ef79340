package io.branchbox.firmware.recording;

import java.nio.ByteBuffer;

/**
 * A preallocated single-producer single-consumer ring of interleaved 20 ms stereo frames.
 *
 * <p>The audio thread {@link #put}s (never blocks, never allocates: when the ring is full the frame
 * is refused and the caller counts it lost); the recording writer thread {@link #drainTo}s. The
 * two counters are volatile, each written by one side only, so no lock is needed. Exactly one
 * thread may put and one may drain.
 */
final class FrameRing {
    private final byte[] slots;
    private final int capacity;
    private volatile long head;
    private volatile long tail;

    FrameRing(int capacityFrames) {
        if (capacityFrames < 1) {
            throw new IllegalArgumentException("ring needs at least one frame");
        }
        this.capacity = capacityFrames;
        this.slots = new byte[capacityFrames * AlawWav.STEREO_FRAME_BYTES];
    }

    /** Interleaves one frame per direction into the ring; false when the ring is full. */
    boolean put(byte[] left, int leftOff, byte[] right, int rightOff) {
        long h = head;
        if (h - tail >= capacity) {
            return false;
        }
        int at = (int) (h % capacity) * AlawWav.STEREO_FRAME_BYTES;
        for (int i = 0; i < AlawWav.FRAME_SAMPLES; i++) {
            slots[at++] = left[leftOff + i];
            slots[at++] = right[rightOff + i];
        }
        head = h + 1;
        return true;
    }

    /** Moves as many whole frames as fit into {@code dst}; returns how many. */
    int drainTo(ByteBuffer dst) {
        long t = tail;
        int n = (int) Math.min(head - t, dst.remaining() / AlawWav.STEREO_FRAME_BYTES);
        for (int i = 0; i < n; i++) {
            dst.put(slots, (int) ((t + i) % capacity) * AlawWav.STEREO_FRAME_BYTES, AlawWav.STEREO_FRAME_BYTES);
        }
        // publish only after copying, so the producer cannot overwrite a slot still being read
        tail = t + n;
        return n;
    }

    /** Drops everything queued; returns how many frames were dropped. Consumer side only. */
    int discard() {
        long h = head;
        int n = (int) (h - tail);
        tail = h;
        return n;
    }

    int capacity() {
        return capacity;
    }
}
