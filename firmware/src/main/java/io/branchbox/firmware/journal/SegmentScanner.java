package io.branchbox.firmware.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one journal segment line by line, handing every valid event to a consumer.
 *
 * <p>A line that fails its CRC or does not parse is skipped and counted. The result tells where the
 * last valid line ends: whatever follows it (an unterminated line, garbage, zeros a power cut left
 * behind) is the torn tail that {@link EventJournal} cuts off at start-up. Not thread-safe; one
 * scan per instance call.
 */
final class SegmentScanner {
    private static final Logger log = LoggerFactory.getLogger(SegmentScanner.class);
    /** A line longer than this is garbage, not an event; stops a missing newline eating memory. */
    static final int MAX_LINE = 1 << 20;

    /** Outcome of a scan. {@code lastSeq} is 0 when the segment holds no valid event. */
    record Result(long validEnd, long fileSize, long lastSeq, int events, int corruptLines) {
        long tailBytes() {
            return fileSize - validEnd;
        }
    }

    private SegmentScanner() {}

    static Result scan(Path segment, Consumer<JournalEvent> sink) throws IOException {
        return scan(segment, type -> false, sink);
    }

    /** Like {@link #scan(Path, Consumer)}; events of types {@code bare} accepts come bare ({@link JournalCodec}). */
    static Result scan(Path segment, Predicate<String> bare, Consumer<JournalEvent> sink) throws IOException {
        long fileSize = Files.size(segment);
        Scan s = new Scan(segment, bare, sink);
        // bulk reads, lines decoded in place: a byte-at-a-time read (a lock per byte in
        // BufferedInputStream) cost more than the decoding itself on a month of journal
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(segment)) {
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                int start = 0;
                for (int i = newline(buf, 0, n); i >= 0; i = newline(buf, i + 1, n)) {
                    s.line(buf, start, i, s.pos + i + 1);
                    start = i + 1;
                }
                s.carry(buf, start, n);
                s.pos += n;
            }
        }
        return new Result(s.validEnd, fileSize, s.lastSeq, s.events, s.corrupt);
    }

    /**
     * The first '\n' in {@code b[from, to)}, or -1. Eight bytes a turn: a short-lived JVM runs
     * this loop with C1, where the plain loop's per-byte overhead cost a cold month report about
     * a second (every byte of the journal passes here).
     */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (b[i] == '\n') {
                return i;
            }
            if (b[i + 1] == '\n') {
                return i + 1;
            }
            if (b[i + 2] == '\n') {
                return i + 2;
            }
            if (b[i + 3] == '\n') {
                return i + 3;
            }
            if (b[i + 4] == '\n') {
                return i + 4;
            }
            if (b[i + 5] == '\n') {
                return i + 5;
            }
            if (b[i + 6] == '\n') {
                return i + 6;
            }
            if (b[i + 7] == '\n') {
                return i + 7;
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The state of one scan: counts, and the start of a line that spans two reads. */
    private static final class Scan {
        final Path segment;
        final Predicate<String> bare;
        final Consumer<JournalEvent> sink;
        long pos;
        long validEnd;
        long lastSeq;
        int events;
        int corrupt;
        int pendingCorrupt;
        byte[] partial = new byte[4096];
        int partialLen;
        boolean overlong;

        Scan(Path segment, Predicate<String> bare, Consumer<JournalEvent> sink) {
            this.segment = segment;
            this.bare = bare;
            this.sink = sink;
        }

        /** A line ends at {@code buf[to]} ('\n'); its start may be in {@link #partial}. */
        void line(byte[] buf, int from, int to, long endPos) {
            JournalEvent e;
            if (partialLen == 0 && !overlong) {
                e = to - from > MAX_LINE ? null : tryDecode(segment, buf, from, to - from, bare, endPos);
            } else {
                carry(buf, from, to);
                e = overlong ? null : tryDecode(segment, partial, 0, partialLen, bare, endPos);
            }
            partialLen = 0;
            overlong = false;
            if (e == null) {
                pendingCorrupt++;
                return;
            }
            // bad lines followed by a good one are corruption inside the file, not a torn tail
            corrupt += pendingCorrupt;
            pendingCorrupt = 0;
            validEnd = endPos;
            lastSeq = e.seq();
            events++;
            sink.accept(e);
        }

        /** Keeps {@code buf[from..to)}, the start of a line the next read finishes. */
        void carry(byte[] buf, int from, int to) {
            int len = to - from;
            if (len == 0 || overlong) {
                return;
            }
            if (partialLen + len > MAX_LINE) {
                overlong = true; // garbage, not an event: stops a missing newline eating memory
                partialLen = 0;
                return;
            }
            if (partialLen + len > partial.length) {
                partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLen + len));
            }
            System.arraycopy(buf, from, partial, partialLen, len);
            partialLen += len;
        }
    }

    private static JournalEvent tryDecode(Path segment, byte[] line, int off, int len, Predicate<String> bare,
            long endPos) {
        try {
            return JournalCodec.decode(line, off, len, bare);
        } catch (JournalFormatException ex) {
            log.debug("journal {}: bad line ending at byte {}: {}", segment.getFileName(), endPos, ex.getMessage());
            return null;
        }
    }
}
