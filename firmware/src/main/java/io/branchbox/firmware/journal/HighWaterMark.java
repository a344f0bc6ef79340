package io.branchbox.firmware.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's sequence high-water mark, kept in its own small file ({@code highwater}) beside
 * the segments, so that a sequence number is never handed out twice even when segments are
 * damaged, cut or removed: a projection that has already passed a number would silently drop a
 * new event carrying it again.
 *
 * <p>The file holds a <em>reservation</em>: every sequence number ever written to a segment is at
 * most the stored value. The writer reserves {@link #STEP} numbers ahead, so the file is forced
 * once per {@code STEP} events, not once per batch; after a restart the journal continues above
 * the reservation (the unused numbers become a gap, which projections skip). A clean close
 * {@link #settle}s the mark to the last event written, so an orderly restart leaves no gap.
 *
 * <p>Format: 8 bytes big-endian reservation, 8 bytes CRC-32 of them; replaced atomically
 * (temporary file, force, rename, force directory). A missing or damaged file reads as 0 and is
 * logged: the journal then falls back to its last segment and the database's offsets.
 *
 * <p>Threading: used by the journal's opener, then only by its writer thread.
 */
final class HighWaterMark {
    private static final Logger log = LoggerFactory.getLogger(HighWaterMark.class);
    /** How far ahead of the last written event the reservation runs. */
    static final long STEP = 1_000;
    static final String FILE = "highwater";

    private final Path file;
    private long reserved;

    private HighWaterMark(Path file, long reserved) {
        this.file = file;
        this.reserved = reserved;
    }

    static HighWaterMark open(Path dir) {
        Path f = dir.resolve(FILE);
        return new HighWaterMark(f, read(f));
    }

    /** The stored reservation: no event on disk has a higher sequence number. 0 if unknown. */
    long reserved() {
        return reserved;
    }

    /** Makes sure {@code seq} is covered by the reservation before an event with it is written. */
    void cover(long seq) throws IOException {
        if (seq <= reserved) {
            return;
        }
        long next = seq + STEP;
        write(next);
        reserved = next;
    }

    /** At a clean close: {@code lastWritten} is the highest number on disk; no gap after restart. */
    void settle(long lastWritten) throws IOException {
        if (lastWritten != reserved) {
            write(lastWritten);
            reserved = lastWritten;
        }
    }

    private void write(long value) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16).putLong(value).putLong(crc(value)).flip();
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        JournalSegments.forceDirectory(file.getParent());
    }

    private static long read(Path f) {
        if (!Files.exists(f)) {
            return 0;
        }
        try {
            byte[] bytes = Files.readAllBytes(f);
            if (bytes.length == 16) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                long value = b.getLong();
                if (b.getLong() == crc(value) && value >= 0) {
                    return value;
                }
            }
            log.warn("journal high-water mark {} is damaged ({} bytes); continuing from the segments", f, bytes.length);
        } catch (IOException e) {
            log.warn("journal high-water mark {} unreadable: {}; continuing from the segments", f, e.toString());
        }
        return 0;
    }

    private static long crc(long value) {
        CRC32 c = new CRC32();
        c.update(ByteBuffer.allocate(8).putLong(value).array());
        return c.getValue();
    }
}
