package io.branchbox.firmware.audio;

import java.util.List;

/**
 * A source that sends one channel the sum of what several others receive: the building block of
 * supervisor listen (the supervisor hears caller and agent), whisper (the agent hears caller and
 * supervisor) and barge (everyone hears the other two).
 *
 * <p>Each mix keeps its own read position per member, so any number of mixes may read the same
 * channel (a plain {@link AudioRouter#bridge} consumes frames and allows one reader). A member
 * with no new frame adds nothing to this tick (silence), never a repeat. Samples are summed as
 * linear PCM and clipped to 16 bits before A-law encoding.
 *
 * <p>Threading: {@link #fill} runs on the reader thread that pushes every channel's frames, like
 * every source; it allocates nothing. Build it on the signalling thread and install it with
 * {@link AudioRouter#play}.
 */
public final class Mix implements AudioSource {
    private final AudioChannel[] members;
    private final long[] next;
    private final byte[] frame = new byte[FRAME];
    private final int[] sum = new int[FRAME];

    /** Mixes what {@code members} receive, from their next frame on. */
    public Mix(List<AudioChannel> members) {
        this.members = members.toArray(AudioChannel[]::new);
        this.next = new long[this.members.length];
        for (int i = 0; i < this.members.length; i++) {
            next[i] = -1; // positioned on the first fill, on the reader thread that owns the counters
        }
    }

    @Override
    public void fill(byte[] out, int off) {
        java.util.Arrays.fill(sum, 0);
        for (int m = 0; m < members.length; m++) {
            AudioChannel c = members[m];
            long received = c.framesReceived();
            if (next[m] < 0 || next[m] < received - 2) {
                // start, or fell behind (a burst): take the newest frame so the delay stays one frame
                next[m] = Math.max(0, received - 1);
            }
            if (c.copyReceived(next[m], frame, 0)) {
                next[m]++;
                for (int i = 0; i < FRAME; i++) {
                    sum[i] += G711.alawToLinear(frame[i]);
                }
            }
        }
        for (int i = 0; i < FRAME; i++) {
            out[off + i] = G711.linearToAlaw(G711.clip16(sum[i]));
        }
    }
}
