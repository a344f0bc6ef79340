package io.branchbox.rig.board;

import java.util.Arrays;

/**
 * One open audio channel: outgoing frame counter and the two-frame jitter buffer for host audio.
 *
 * <p>Underruns are counted only once the host has sent its first frame on the channel, since a
 * board cannot tell "late" from "not started" before that. Threading: core thread only.
 */
final class SimChannel {
    static final byte SILENCE = (byte) 0xD5;
    private static final int DEPTH = 2;

    final ChannelId id;
    private final byte[][] jitter = new byte[DEPTH][160];
    private final byte[] play = new byte[160];
    final byte[] out = new byte[160];
    private int head;
    private int count;
    private boolean primed;
    int frameNo;
    long hostFrames;
    long underruns;
    long overflows;

    SimChannel(ChannelId id) {
        this.id = id;
    }

    /** A host AUDIO frame arrived; the oldest buffered frame is dropped if both slots are full. */
    void fromHost(byte[] content, int off) {
        hostFrames++;
        primed = true;
        if (count == DEPTH) {
            overflows++;
            head = (head + 1) % DEPTH;
            count--;
        }
        System.arraycopy(content, off, jitter[(head + count) % DEPTH], 0, 160);
        count++;
    }

    /** The frame the board plays this tick: the oldest buffered one, or silence. */
    byte[] nextToPlay() {
        if (count == 0) {
            if (primed) {
                underruns++;
            }
            Arrays.fill(play, SILENCE);
            return play;
        }
        System.arraycopy(jitter[head], 0, play, 0, 160);
        head = (head + 1) % DEPTH;
        count--;
        return play;
    }

    /** Number for the next board-to-host frame; counts up by one and wraps at 16 bits. */
    int nextFrameNo() {
        int n = frameNo;
        frameNo = (frameNo + 1) & 0xFFFF;
        return n;
    }
}
