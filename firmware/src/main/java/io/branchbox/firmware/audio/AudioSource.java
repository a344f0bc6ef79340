package io.branchbox.firmware.audio;

/**
 * What the box sends on one channel: asked for one 20 ms frame each time the board delivers a
 * frame on that channel.
 *
 * <p>Threading: called on the board link's reader thread (the audio path). An implementation must
 * not block, lock across I/O or allocate per frame.
 */
@FunctionalInterface
public interface AudioSource {
    /** Samples per frame: 20 ms at 8 kHz. */
    int FRAME = 160;

    /** Writes the next {@link #FRAME} A-law bytes into {@code out} at {@code off}. */
    void fill(byte[] out, int off);

    /** Line silence. */
    AudioSource SILENCE = (out, off) -> java.util.Arrays.fill(out, off, off + FRAME, G711.ALAW_SILENCE);
}
