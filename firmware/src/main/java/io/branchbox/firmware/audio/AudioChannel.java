package io.branchbox.firmware.audio;

import java.util.Arrays;

/**
 * One open audio channel of the board (a span timeslot, an FXO port or a headset) as the audio
 * path sees it: the last few frames received from it, what to send on it, and an optional tap.
 *
 * <p>Threading: {@link #push}, {@link #takeInto} and the counters are used only on the board
 * link's reader thread, which delivers the audio of every channel, so the receive ring needs no
 * lock. {@link #source} and {@link #tap} are written by call control on the signalling thread and
 * read here; they are volatile references, swapped whole.
 */
public final class AudioChannel {
    /** Frames kept: enough to ride out two frames of jitter between two clocks. */
    private static final int RING = 4;
    /**
     * Frames a bridge may lag behind: beyond this the oldest are skipped on read, so a burst of
     * jitter does not leave a lasting extra delay (each arrival is read once, so a backlog would
     * otherwise never shrink).
     */
    private static final int MAX_BACKLOG = 2;

    final int unit;
    final int chan;
    private final byte[][] ring = new byte[RING][AudioSource.FRAME];
    private final byte[] last = new byte[AudioSource.FRAME];
    private int write;
    private int readPos;
    private int count;
    final byte[] out = new byte[AudioSource.FRAME];

    volatile AudioSource source = AudioSource.SILENCE;
    volatile FrameTap tap;

    long framesIn;
    long framesOut;
    long underruns;
    long overruns;
    long skipped;
    /** Whether a bridge reads this channel: only then does a full ring mean lost audio. */
    private boolean bridged;

    AudioChannel(int unit, int chan) {
        this.unit = unit;
        this.chan = chan;
        Arrays.fill(last, G711.ALAW_SILENCE);
    }

    /** Stores a received frame; when the ring is full the oldest frame goes (clock drift). */
    void push(byte[] buf, int off) {
        System.arraycopy(buf, off, ring[write], 0, AudioSource.FRAME);
        write = (write + 1) % RING;
        if (count == RING) {
            readPos = (readPos + 1) % RING;
            if (bridged) {
                overruns++;
            }
        } else {
            count++;
        }
        framesIn++;
    }

    /**
     * Copies the oldest unread received frame into {@code dst}; when none is waiting, repeats
     * silence and counts an underrun (repeating speech would sound like a stutter).
     */
    void takeInto(byte[] dst, int off) {
        bridged = true;
        if (count == 0) {
            underruns++;
            System.arraycopy(last, 0, dst, off, AudioSource.FRAME);
            return;
        }
        while (count > MAX_BACKLOG) {
            readPos = (readPos + 1) % RING;
            count--;
            skipped++;
        }
        System.arraycopy(ring[readPos], 0, dst, off, AudioSource.FRAME);
        readPos = (readPos + 1) % RING;
        count--;
    }

    /**
     * Frames received so far; the frame numbered {@code n} (from 0) stays readable through
     * {@link #copyReceived} while {@code n >= framesReceived() - RING}. Reader thread only.
     */
    long framesReceived() {
        return framesIn;
    }

    /**
     * Copies received frame number {@code n} without consuming it, so several listeners (a
     * conference) can each read every frame. Returns false, copying nothing, when {@code n} is not
     * in the ring (not yet received, or overwritten). Reader thread only.
     */
    boolean copyReceived(long n, byte[] dst, int off) {
        if (n >= framesIn || n < framesIn - RING) {
            return false;
        }
        System.arraycopy(ring[(int) (n % RING)], 0, dst, off, AudioSource.FRAME);
        return true;
    }

    public int unit() {
        return unit;
    }

    public int chan() {
        return chan;
    }

    /** Called with each received frame and the frame sent back in the same tick. */
    @FunctionalInterface
    public interface FrameTap {
        /** Audio path: must not block. {@code rx} is what the line sent, {@code tx} what the box sent. */
        void frame(byte[] rx, int rxOff, byte[] tx, int txOff);
    }
}
