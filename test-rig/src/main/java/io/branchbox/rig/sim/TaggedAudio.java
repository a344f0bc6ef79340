package io.branchbox.rig.sim;

import io.branchbox.firmware.audio.G711;
import io.branchbox.rig.board.AudioEndpoint;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated talker and listener on one board channel: it sends a tone whose first three bytes
 * carry a marker and a frame counter, so a test can prove that what one side sent reached the
 * other side unchanged, and it counts the tagged frames it hears from the other side.
 *
 * <p>Threading: the board simulator calls {@link #nextToHost} and {@link #fromHost} on its core
 * thread; the counters are safe to read from any thread.
 */
public final class TaggedAudio implements AudioEndpoint {
    private final byte marker;
    private final byte expectedMarker;
    private final double hz;
    private long sent;
    private long sample;
    private final AtomicLong heardTagged = new AtomicLong();
    private final AtomicLong heardIntact = new AtomicLong();
    private volatile long lastHeardCounter = -1;

    /**
     * @param marker         first byte of every frame this side sends
     * @param expectedMarker first byte of the frames this side expects to hear from the other
     * @param hz             the tone's frequency
     */
    public TaggedAudio(int marker, int expectedMarker, double hz) {
        this.marker = (byte) marker;
        this.expectedMarker = (byte) expectedMarker;
        this.hz = hz;
    }

    @Override
    public void nextToHost(byte[] frame) {
        for (int i = 3; i < frame.length; i++) {
            frame[i] = G711.linearToAlaw((int) (8000 * Math.sin(2 * Math.PI * hz * sample++ / 8000.0)));
        }
        frame[0] = marker;
        frame[1] = (byte) (sent >> 8);
        frame[2] = (byte) sent;
        sent++;
    }

    @Override
    public void fromHost(byte[] frame) {
        if (frame[0] != expectedMarker) {
            return;
        }
        heardTagged.incrementAndGet();
        lastHeardCounter = ((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF);
        if (toneIntact(frame)) {
            heardIntact.incrementAndGet();
        }
    }

    /** Frames sent so far. */
    public synchronized long sent() {
        return sent;
    }

    /** Frames heard that carry the other side's marker. */
    public long heardTagged() {
        return heardTagged.get();
    }

    /** Tagged frames whose tone bytes are a valid A-law sine, i.e. arrived unaltered. */
    public long heardIntact() {
        return heardIntact.get();
    }

    /** The other side's frame counter in the last tagged frame heard, -1 before any. */
    public long lastHeardCounter() {
        return lastHeardCounter;
    }

    private static boolean toneIntact(byte[] f) {
        // a sine at 8000 peak never exceeds that magnitude, and the box adds nothing to bridged audio
        int max = 0;
        for (int i = 3; i < f.length; i++) {
            max = Math.max(max, Math.abs(G711.alawToLinear(f[i])));
        }
        return max > 4000 && max <= 8500;
    }
}
