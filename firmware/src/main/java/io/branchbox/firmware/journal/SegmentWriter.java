package io.branchbox.firmware.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches of events to the current segment, forces them and rotates segments by size.
 *
 * <p>Threading: used only by the journal's writer thread (and by {@link EventJournal#open} before
 * that thread starts). A failed write is rolled back to the end of the last whole line, so a retry
 * never glues a half line to a whole one.
 */
final class SegmentWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SegmentWriter.class);

    /** Opens a segment file for writing; tests substitute channels that fail like a full disk. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path segment) throws IOException;

        Opener DEFAULT = segment -> FileChannel.open(segment, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private final Path dir;
    private final long maxSegmentBytes;
    private final Opener opener;
    private FileChannel channel;
    private Path current;
    private long size;

    SegmentWriter(Path dir, long maxSegmentBytes, Path segment, long validSize, Opener opener) throws IOException {
        this.dir = dir;
        this.maxSegmentBytes = maxSegmentBytes;
        this.opener = opener;
        openSegment(segment);
        this.size = validSize;
        channel.position(validSize);
    }

    /** Appends the lines of {@code batch} (sequence numbers assigned) and forces them to disk. */
    void writeAndForce(List<JournalEvent> batch) throws IOException {
        int total = 0;
        byte[][] lines = new byte[batch.size()][];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = JournalCodec.encode(batch.get(i));
            total += lines[i].length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total);
        for (byte[] l : lines) {
            buf.put(l);
        }
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            rollBack();
            throw e;
        }
        size += total;
        if (size >= maxSegmentBytes) {
            rotate(batch.get(batch.size() - 1).seq() + 1);
        }
    }

    Path currentSegment() {
        return current;
    }

    private void rollBack() {
        try {
            channel.truncate(size);
            channel.position(size);
        } catch (IOException e) {
            // start-up repair cuts whatever half line stays behind
            log.warn("journal: could not roll back {} to {} bytes: {}", current.getFileName(), size, e.toString());
        }
    }

    private void rotate(long nextSeq) throws IOException {
        channel.close();
        log.info("journal: segment {} full ({} bytes), starting at seq {}", current.getFileName(), size, nextSeq);
        openSegment(JournalSegments.path(dir, nextSeq));
        size = 0;
    }

    private void openSegment(Path segment) throws IOException {
        channel = opener.open(segment);
        current = segment;
        JournalSegments.forceDirectory(dir);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
