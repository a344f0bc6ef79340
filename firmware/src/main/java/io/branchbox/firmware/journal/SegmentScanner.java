package io.branchbox.firmware.journal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
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
        long fileSize = Files.size(segment);
        long pos = 0;
        long validEnd = 0;
        long lastSeq = 0;
        int events = 0;
        int corrupt = 0;
        int pendingCorrupt = 0;
        byte[] line = new byte[4096];
        int len = 0;
        boolean overlong = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(segment), 1 << 16)) {
            int b;
            while ((b = in.read()) >= 0) {
                pos++;
                if (b != '\n') {
                    if (len == line.length) {
                        if (len >= MAX_LINE) {
                            overlong = true;
                            continue;
                        }
                        line = Arrays.copyOf(line, len * 2);
                    }
                    line[len++] = (byte) b;
                    continue;
                }
                JournalEvent e = overlong ? null : tryDecode(segment, line, len, pos);
                len = 0;
                overlong = false;
                if (e == null) {
                    pendingCorrupt++;
                    continue;
                }
                // bad lines followed by a good one are corruption inside the file, not a torn tail
                corrupt += pendingCorrupt;
                pendingCorrupt = 0;
                validEnd = pos;
                lastSeq = e.seq();
                events++;
                sink.accept(e);
            }
        }
        return new Result(validEnd, fileSize, lastSeq, events, corrupt);
    }

    private static JournalEvent tryDecode(Path segment, byte[] line, int len, long endPos) {
        try {
            return JournalCodec.decode(line, 0, len);
        } catch (JournalFormatException ex) {
            log.debug("journal {}: bad line ending at byte {}: {}", segment.getFileName(), endPos, ex.getMessage());
            return null;
        }
    }
}
