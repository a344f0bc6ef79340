package io.branchbox.rig.scenario;

import io.branchbox.firmware.dsp.DtmfGenerator;
import io.branchbox.rig.board.AudioEndpoint;
import io.branchbox.rig.sim.TaggedAudio;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated person on one board channel (a caller on a B-channel, an agent's headset): talks
 * {@link TaggedAudio} so the far side and the recording can be checked frame by frame, and presses
 * keys on request as real DTMF audio in place of the talk.
 *
 * <p>Threading: the board simulator's core thread calls the endpoint methods; {@link #press} and
 * the counters are safe from any thread.
 */
final class ScriptedCaller implements AudioEndpoint {
    private static final DtmfGenerator KEYS = new DtmfGenerator(-10);
    private final TaggedAudio voice;
    private final ConcurrentLinkedQueue<byte[]> keyFrames = new ConcurrentLinkedQueue<>();
    private final byte marker;
    private final AtomicLong heardOwnMark = new AtomicLong();

    ScriptedCaller(int marker, int expectedMarker, double hz) {
        this.voice = new TaggedAudio(marker, expectedMarker, hz);
        this.marker = (byte) marker;
    }

    /** Presses {@code digits}: 100 ms of tone and 100 ms of silence each, starting with the next frame. */
    void press(String digits) {
        byte[] alaw = KEYS.generate(digits, 100, 100);
        for (int off = 0; off < alaw.length; off += 160) {
            byte[] f = new byte[160];
            System.arraycopy(alaw, off, f, 0, Math.min(160, alaw.length - off));
            keyFrames.add(f);
        }
    }

    /** Tagged frames of the other side heard so far. */
    long heard() {
        return voice.heardTagged();
    }

    /** Frames heard that carry this side's own marker: another person of the same kind (caller to caller). */
    long heardOwnMark() {
        return heardOwnMark.get();
    }

    @Override
    public void nextToHost(byte[] frame160) {
        byte[] key = keyFrames.poll();
        if (key != null) {
            System.arraycopy(key, 0, frame160, 0, 160);
        } else {
            voice.nextToHost(frame160);
        }
    }

    @Override
    public void fromHost(byte[] frame160) {
        voice.fromHost(frame160);
        if (frame160[0] == marker) {
            heardOwnMark.incrementAndGet();
        }
    }
}
