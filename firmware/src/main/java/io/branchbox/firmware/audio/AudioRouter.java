package io.branchbox.firmware.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * The audio path: for every frame the board delivers on an open channel, send one frame back on
 * that channel (the board's contract) from the channel's {@link AudioSource}, and pass both to the
 * channel's tap (the recorder).
 *
 * <p>Bridging is a source that reads the peer channel's receive ring, so a bridged call costs two
 * array copies per direction per 20 ms and nothing is allocated.
 *
 * <p>Threading: {@link #onFrame} runs on the board link's reader thread and never blocks.
 * {@link #open}, {@link #close}, {@link #play} and {@link #bridge} are called by call control on
 * the signalling thread; they publish whole objects through volatile fields and a copy-on-write
 * table, so the reader thread never waits for them.
 */
public final class AudioRouter {
    /** Board unit addresses are below 0x40 and channels below 32. */
    private static final int SLOTS = 0x40 * 32;

    /** Where frames go out: the board link's allocation-free audio send. */
    @FunctionalInterface
    public interface FrameOut {
        void send(int unit, int chan, int frameNo, byte[] alaw, int off);
    }

    private final FrameOut out;
    private volatile AudioChannel[] channels = new AudioChannel[SLOTS];
    private long strayFrames;

    public AudioRouter(FrameOut out) {
        this.out = out;
    }

    /** Audio path entry: one received frame. Frames for channels not open here are counted and dropped. */
    public void onFrame(int unit, int chan, int frameNo, byte[] buf, int off) {
        AudioChannel c = unit < 0x40 && chan < 32 ? channels[slot(unit, chan)] : null;
        if (c == null) {
            strayFrames++;
            return;
        }
        c.push(buf, off);
        c.source.fill(c.out, 0);
        out.send(unit, chan, frameNo, c.out, 0);
        c.framesOut++;
        AudioChannel.FrameTap tap = c.tap;
        if (tap != null) {
            tap.frame(buf, off, c.out, 0);
        }
    }

    /** Starts routing a channel (after the board acknowledged CHAN_OPEN). Sends silence until told otherwise. */
    public synchronized AudioChannel open(int unit, int chan) {
        int s = slot(unit, chan);
        AudioChannel existing = channels[s];
        if (existing != null) {
            return existing;
        }
        AudioChannel c = new AudioChannel(unit, chan);
        AudioChannel[] copy = channels.clone();
        copy[s] = c;
        channels = copy;
        return c;
    }

    /** Stops routing a channel; later frames on it are counted as stray. */
    public synchronized void close(int unit, int chan) {
        int s = slot(unit, chan);
        if (channels[s] == null) {
            return;
        }
        AudioChannel[] copy = channels.clone();
        copy[s] = null;
        channels = copy;
    }

    /** Closes every channel, for a board that restarted (it closed them all itself). */
    public synchronized void closeAll() {
        channels = new AudioChannel[SLOTS];
    }

    /** Sends {@code source} on {@code c} from its next frame on. */
    public void play(AudioChannel c, AudioSource source) {
        c.source = source;
    }

    /** Connects two channels both ways: each sends what the other receives. */
    public void bridge(AudioChannel a, AudioChannel b) {
        a.source = (dst, off) -> b.takeInto(dst, off);
        b.source = (dst, off) -> a.takeInto(dst, off);
    }

    /** Installs or removes ({@code null}) the tap that sees each received and sent frame of {@code c}. */
    public void tap(AudioChannel c, AudioChannel.FrameTap tap) {
        c.tap = tap;
    }

    /** A channel's counters, for status pages. Safe from any thread (values may be a frame stale). */
    public List<ChannelStats> stats() {
        List<ChannelStats> list = new ArrayList<>();
        for (AudioChannel c : channels) {
            if (c != null) {
                list.add(new ChannelStats(c.unit, c.chan, c.framesIn, c.framesOut, c.underruns, c.overruns));
            }
        }
        return list;
    }

    /** Frames that arrived for channels not open here. */
    public long strayFrames() {
        return strayFrames;
    }

    public record ChannelStats(int unit, int chan, long framesIn, long framesOut, long underruns, long overruns) {}

    private static int slot(int unit, int chan) {
        if (unit < 0 || unit >= 0x40 || chan < 0 || chan >= 32) {
            throw new IllegalArgumentException("no such channel: unit=0x" + Integer.toHexString(unit) + " chan=" + chan);
        }
        return unit * 32 + chan;
    }
}
