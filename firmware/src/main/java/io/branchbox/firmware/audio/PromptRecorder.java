package io.branchbox.firmware.audio;

import java.util.Arrays;

/**
 * Records a prompt spoken into a seat's headset: a {@link AudioChannel.FrameTap} on the seat's
 * channel that keeps what the headset sends, up to a bound, and on {@link #finish()} hands back
 * the A-law with the silence before and after the speech trimmed, ready for
 * {@link PromptLibrary#save}.
 *
 * <p>Memory: the audio path only copies each frame into chunks of {@link #CHUNK_SECONDS} s,
 * allocated when the previous one is full (one allocation per {@value #CHUNK_SECONDS} s, none per
 * frame); the chunk table is sized for {@code maxSeconds} up front. Frames past the bound are
 * dropped and {@link #full()} turns true, so call control can end the recording.
 *
 * <p>Threading: {@link #frame} runs on the board link's reader thread and never blocks.
 * {@link #finish} runs on the signalling thread after the tap has been removed from the channel
 * ({@code router.tap(channel, null)}); frames that still arrive after it are ignored. The frame
 * count is published through a volatile field, so {@code finish} sees every frame counted.
 */
public final class PromptRecorder implements AudioChannel.FrameTap {
    /** Default bound: two minutes. */
    public static final int DEFAULT_MAX_SECONDS = 120;
    static final int CHUNK_SECONDS = 8;
    /** A whole number of frames, so a frame never straddles two chunks. */
    private static final int CHUNK = CHUNK_SECONDS * 8000;
    /** A 20 ms frame quieter than this (RMS, dBFS) is silence for the trimming. */
    static final double SILENCE_DBFS = -40;
    /** Kept before the first and after the last loud frame, so word edges are not clipped. */
    static final int MARGIN_FRAMES = 8;

    private final byte[][] chunks;
    private final long maxSamples;
    private volatile long samples;
    private volatile boolean finished;

    public PromptRecorder() {
        this(DEFAULT_MAX_SECONDS);
    }

    public PromptRecorder(int maxSeconds) {
        if (maxSeconds < 1 || maxSeconds > WavImport.MAX_SECONDS) {
            throw new IllegalArgumentException("a recorded prompt lasts 1.." + WavImport.MAX_SECONDS + " s: " + maxSeconds);
        }
        this.maxSamples = maxSeconds * 8000L;
        this.chunks = new byte[(int) ((maxSamples + CHUNK - 1) / CHUNK)][];
    }

    /** Audio path: keeps the headset's frame ({@code rx}); what the box sent is not recorded. */
    @Override
    public void frame(byte[] rx, int rxOff, byte[] tx, int txOff) {
        long at = samples;
        if (finished || at + AudioSource.FRAME > maxSamples) {
            return;
        }
        int chunk = (int) (at / CHUNK);
        int in = (int) (at % CHUNK);
        if (chunks[chunk] == null) {
            chunks[chunk] = new byte[CHUNK];
        }
        System.arraycopy(rx, rxOff, chunks[chunk], in, AudioSource.FRAME);
        samples = at + AudioSource.FRAME;
    }

    /** Whether the bound is reached (later frames are dropped). Any thread. */
    public boolean full() {
        return samples + AudioSource.FRAME > maxSamples;
    }

    /** Recorded so far, untrimmed. Any thread. */
    public long durationMs() {
        return samples / 8;
    }

    /**
     * Ends the recording and returns it with leading and trailing silence trimmed (keeping
     * {@value #MARGIN_FRAMES} frames either side of the speech); an empty array when nothing
     * louder than {@value #SILENCE_DBFS} dBFS was heard. Later calls return the same content.
     */
    public byte[] finish() {
        finished = true;
        int n = (int) samples;
        byte[] all = new byte[n];
        for (int at = 0; at < n; at += CHUNK) {
            System.arraycopy(chunks[at / CHUNK], 0, all, at, Math.min(CHUNK, n - at));
        }
        int frames = n / AudioSource.FRAME;
        int firstLoud = -1;
        int lastLoud = -1;
        for (int f = 0; f < frames; f++) {
            if (loud(all, f * AudioSource.FRAME)) {
                if (firstLoud < 0) {
                    firstLoud = f;
                }
                lastLoud = f;
            }
        }
        if (firstLoud < 0) {
            return new byte[0];
        }
        int from = Math.max(0, firstLoud - MARGIN_FRAMES) * AudioSource.FRAME;
        int to = Math.min(frames, lastLoud + 1 + MARGIN_FRAMES) * AudioSource.FRAME;
        return Arrays.copyOfRange(all, from, to);
    }

    private static boolean loud(byte[] alaw, int off) {
        double sum = 0;
        for (int i = 0; i < AudioSource.FRAME; i++) {
            double v = G711.alawToLinear(alaw[off + i]);
            sum += v * v;
        }
        double rms = Math.sqrt(sum / AudioSource.FRAME) / 32768;
        return rms > Math.pow(10, SILENCE_DBFS / 20);
    }
}
