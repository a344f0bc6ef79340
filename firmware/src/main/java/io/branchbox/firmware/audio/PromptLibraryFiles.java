package io.branchbox.firmware.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link PromptLibrary} keeps a prompt on disk: a mono 8 kHz A-law WAV (58-byte header: fmt
 * with cbSize, fact, data — what sox writes, readable by {@link WavAudio} and every player),
 * written whole or not at all: a temporary file beside the target, forced to the medium, renamed
 * over the target, and the directory forced so the rename survives a power cut.
 *
 * <p>Stateless and thread-safe; blocks on the disk.
 */
final class PromptLibraryFiles {
    private static final Logger log = LoggerFactory.getLogger(PromptLibraryFiles.class);
    static final int HEADER_BYTES = Wav.ALAW_HEADER_BYTES;

    private PromptLibraryFiles() {}

    /** The WAV file of {@code alaw}. */
    static byte[] wav(byte[] alaw) {
        return Wav.alawFile(alaw);
    }

    /** Replaces {@code target} with {@code content} atomically. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                log.warn("file system of {} cannot rename atomically; replacing {} in place", dir, target.getFileName());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceDirectory(dir);
    }

    /** Deletes {@code target}; whether it was there. */
    static boolean delete(Path target) throws IOException {
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) {
            forceDirectory(target.getParent());
        }
        return deleted;
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for fsync; the rename itself is done
            log.debug("cannot force directory {}: {}", dir, e.toString());
        }
    }
}
