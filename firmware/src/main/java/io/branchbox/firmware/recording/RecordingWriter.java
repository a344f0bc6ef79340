package io.branchbox.firmware.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk side of one {@link Recording}: owns its file, moves frames from the ring into it, and
 * keeps the header's sizes true at every force, so that a power cut leaves a playable file.
 *
 * <p>Threading: every method runs on the recording writer thread. After a write error the file
 * is cut back to the last whole frame that was written, its header fixed, and later frames are
 * dropped and counted; every {@link #RETRY_MILLIS} ms the writer tries again
 * ({@link #retryIfDue}), so the recording resumes when space returns (the frames of the gap are
 * counted as lost). A file whose header could not be written is removed, never left at 0 bytes,
 * and opened again at the next retry.
 */
final class RecordingWriter {
    private static final Logger log = LoggerFactory.getLogger(RecordingWriter.class);

    private static final int MAX_NAME_TRIES = 100;
    /** How often a failed recording tries the disk again. */
    static final long RETRY_MILLIS = 5_000;

    private final Recording recording;
    private final RecordingStatusListener listener;
    private FileChannel channel;
    private long dataBytes;
    private long lastForceMillis;
    private boolean dirty;
    private IOException error;
    private long droppedAfterError;
    private boolean lossReported;
    private ChannelOpener opener;
    private long failedAtMillis = -1;

    RecordingWriter(Recording recording, RecordingStatusListener listener) {
        this.recording = recording;
        this.listener = listener;
    }

    void open(ChannelOpener opener, long nowMillis) {
        this.opener = opener;
        try {
            openWithHeader();
            lastForceMillis = nowMillis;
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Creates the file with its header, or leaves no file at all (never one of 0 bytes). */
    private void openWithHeader() throws IOException {
        Path file = recording.file();
        Files.createDirectories(file.getParent());
        FileChannel ch = openUnique(opener, file);
        try {
            ch.write(AlawWav.header(0), 0);
            ch.force(true);
        } catch (IOException e) {
            ch.close();
            Files.deleteIfExists(recording.file());
            throw e;
        }
        channel = ch;
        forceDirectory(file.getParent());
    }

    /**
     * After a write error, tries the disk again once {@link #RETRY_MILLIS} have passed: opens the
     * file if it never got its header, or cuts it back to its last whole frame and goes on.
     */
    void retryIfDue(long nowMillis) {
        if (error == null || opener == null) {
            return;
        }
        if (failedAtMillis < 0) {
            failedAtMillis = nowMillis;
            return;
        }
        if (nowMillis - failedAtMillis < RETRY_MILLIS) {
            return;
        }
        try {
            if (channel == null) {
                openWithHeader();
            } else {
                channel.truncate(AlawWav.HEADER_BYTES + dataBytes);
                sync();
            }
        } catch (IOException e) {
            failedAtMillis = nowMillis;
            return;
        }
        log.warn("recording {} of call {} resumed after a write error; {} frame(s) lost in the gap",
                recording.file(), recording.callId(), droppedAfterError);
        error = null;
        failedAtMillis = -1;
        lastForceMillis = nowMillis;
        listener.onResumed(recording.callId());
    }

    /**
     * Opens {@code file}, or {@code <callId>-<n>.wav} beside it when a recording of that name
     * exists (a call id reused after a restart): an existing recording is never overwritten and
     * a new one never lost.
     */
    private FileChannel openUnique(ChannelOpener opener, Path file) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.wav$", "");
        Path candidate = file;
        for (int n = 1; ; n++) {
            try {
                FileChannel ch = opener.open(candidate);
                if (n > 1) {
                    log.warn("recording {} exists; call {} is recorded to {}", file, recording.callId(), candidate);
                    recording.movedTo(candidate);
                }
                return ch;
            } catch (FileAlreadyExistsException e) {
                if (n >= MAX_NAME_TRIES) {
                    throw e;
                }
                candidate = file.resolveSibling(base + "-" + (n + 1) + ".wav");
            }
        }
    }

    /** Moves whatever the ring holds into the file, using {@code scratch} as the copy buffer. */
    void drain(ByteBuffer scratch) {
        reportLossOnce();
        if (error != null) {
            droppedAfterError += recording.ring().discard();
            return;
        }
        while (true) {
            scratch.clear();
            if (recording.ring().drainTo(scratch) == 0) {
                return;
            }
            scratch.flip();
            int n = scratch.remaining();
            try {
                while (scratch.hasRemaining()) {
                    channel.write(scratch, AlawWav.HEADER_BYTES + dataBytes + (n - scratch.remaining()));
                }
            } catch (IOException e) {
                droppedAfterError += n / AlawWav.STEREO_FRAME_BYTES;
                fail(e);
                return;
            }
            dataBytes += n;
            dirty = true;
        }
    }

    /**
     * Rewrites the header sizes and forces if something was written and waiting for the next
     * drain tick ({@code tickMillis} away) would leave the last force more than
     * {@code periodMillis} behind. Deciding by the next tick, not by this one, keeps the bound for
     * a file opened between ticks, whose first force would otherwise come up to a tick late.
     */
    void syncIfDue(long nowMillis, long periodMillis, long tickMillis) {
        if (dirty && error == null && nowMillis + tickMillis - lastForceMillis > periodMillis) {
            try {
                sync();
                lastForceMillis = nowMillis;
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    /** Final drain, sizes, force, close and hash. Never throws; problems end up in the result. */
    RecordingResult finish(ByteBuffer scratch) {
        drain(scratch);
        if (channel != null && error == null) {
            try {
                sync();
            } catch (IOException e) {
                fail(e);
            }
        }
        closeQuietly();
        String sha = channel == null ? null : sha256();
        long lost = recording.lostFrames() + droppedAfterError;
        return new RecordingResult(recording.callId(), recording.file(), dataBytes, AlawWav.durationMs(dataBytes),
                sha, lost, error == null ? null : error.toString());
    }

    private void sync() throws IOException {
        channel.write(AlawWav.header(dataBytes), 0);
        // fdatasync is enough: it also makes the grown file size durable
        channel.force(false);
        dirty = false;
    }

    private void fail(IOException e) {
        if (error != null) {
            return;
        }
        error = e;
        log.error("recording {} of call {} failed after {} bytes; the call goes on, the file keeps what was written",
                recording.file(), recording.callId(), dataBytes, e);
        listener.onWriteError(recording.callId(), recording.file(), e);
        if (channel == null) {
            return;
        }
        try {
            channel.truncate(AlawWav.HEADER_BYTES + dataBytes);
            sync();
        } catch (IOException again) {
            // RecordingRepair fixes the header at the next start-up
            log.warn("recording {}: could not fix the header after the error: {}", recording.file(), again.toString());
        }
    }

    private void reportLossOnce() {
        long lost = recording.lostFrames();
        if (lost > 0 && !lossReported) {
            lossReported = true;
            log.warn("recording of call {}: ring of {} frames overflowed, frames are being lost (disk too slow)",
                    recording.callId(), recording.ring().capacity());
            listener.onFramesLost(recording.callId(), lost);
        }
    }

    /** Makes the new file's directory entry durable; without it a power cut can lose the whole file. */
    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems refuse to open a directory; the file's content is still forced
            log.debug("cannot force directory {}: {}", dir, e.toString());
        }
    }

    private void closeQuietly() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("recording {}: close failed: {}", recording.file(), e.toString());
        }
    }

    private String sha256() {
        if (!Files.exists(recording.file())) {
            return null;
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(recording.file()),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            log.error("recording {}: cannot hash the file", recording.file(), e);
            return null;
        }
    }
}
