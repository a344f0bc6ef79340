package io.branchbox.firmware.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt set: named announcements as A-law, loaded once and shared read-only.
 *
 * <p>A prompt is looked up first in the site's prompt directory ({@code <name>.wav}, uploaded by a
 * technician) and then in the default set shipped in the firmware, so the box speaks out of the
 * box and a site can replace any single prompt. Thread-safe.
 */
public final class Prompts {
    private final Path siteDir;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** @param siteDir the site's prompt directory; may not exist */
    public Prompts(Path siteDir) {
        this.siteDir = siteDir;
    }

    /** The prompt's A-law samples (shared; do not modify). */
    public byte[] get(String name) {
        return cache.computeIfAbsent(name, this::load);
    }

    private byte[] load(String name) {
        if (!name.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("bad prompt name '" + name + "'");
        }
        try {
            Path site = siteDir.resolve(name + ".wav");
            if (Files.isRegularFile(site)) {
                return WavAudio.toAlaw(Files.readAllBytes(site));
            }
            try (InputStream in = Prompts.class.getResourceAsStream("/prompts/default/" + name + ".wav")) {
                if (in == null) {
                    throw new IllegalArgumentException("no prompt named '" + name + "'");
                }
                return WavAudio.toAlaw(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("prompt '" + name + "' cannot be read", e);
        }
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
