package io.branchbox.firmware.audio;

import java.nio.file.Path;
import java.util.List;

/**
 * What call control plays: the prompts of the active set of a {@link PromptLibrary} (the site's
 * set, falling back to the built-in default set, so the box speaks out of the box), and the
 * sources that play them.
 *
 * <p>A thin facade kept for call control; sets, uploads and listing live in
 * {@link PromptLibrary}. Thread-safe; {@link #get} may read the disk on a cache miss, so call it
 * on the signalling thread, never on the audio path.
 */
public final class Prompts {
    private final PromptLibrary library;

    /** Prompts of the default set, with site sets under {@code root} ({@code <root>/<set>/<name>.wav}); may not exist. */
    public Prompts(Path root) {
        this(new PromptLibrary(root, PromptLibrary.DEFAULT_SET));
    }

    /** Prompts of {@code library}'s active set. */
    public Prompts(PromptLibrary library) {
        this.library = library;
    }

    public PromptLibrary library() {
        return library;
    }

    /** The prompt's A-law samples (shared; do not modify). {@link IllegalArgumentException} for a bad or unknown name. */
    public byte[] get(String name) {
        return library.get(name);
    }

    /** The position and wait announcement's prompts in the active set's language; see {@link PromptLibrary#announcement}. */
    public List<String> positionAnnouncement(int position, java.time.Duration expectedWait) {
        return library.announcement(position, expectedWait);
    }

    /** Plays the named prompts one after another; see {@link PromptLibrary#sequence}. */
    public AudioSource sequence(List<String> names, Runnable onEnd) {
        return library.sequence(names, onEnd);
    }

    /**
     * A source that plays {@code alaw} once, then silence, and runs {@code onEnd} once when the last
     * frame has been handed out. {@code onEnd} runs on the audio thread: hand it to the signalling
     * scheduler, do not do work in it.
     */
    public static AudioSource once(byte[] alaw, Runnable onEnd) {
        return new AudioSource() {
            private int pos;
            private boolean ended;

            @Override
            public void fill(byte[] out, int off) {
                int n = Math.max(0, Math.min(FRAME, alaw.length - pos));
                System.arraycopy(alaw, pos, out, off, n);
                java.util.Arrays.fill(out, off + n, off + FRAME, G711.ALAW_SILENCE);
                pos += n;
                if (pos >= alaw.length && !ended) {
                    ended = true;
                    onEnd.run();
                }
            }
        };
    }

    /** A source that plays {@code alaw} over and over (music on hold). */
    public static AudioSource loop(byte[] alaw) {
        if (alaw.length == 0) {
            return AudioSource.SILENCE;
        }
        return new AudioSource() {
            private int pos;

            @Override
            public void fill(byte[] out, int off) {
                for (int i = 0; i < FRAME; i++) {
                    out[off + i] = alaw[pos];
                    pos = pos + 1 == alaw.length ? 0 : pos + 1;
                }
            }
        };
    }
}
