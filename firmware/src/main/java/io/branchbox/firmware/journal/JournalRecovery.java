package io.branchbox.firmware.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up check of the journal directory: finds the segment to continue, cuts its torn tail
 * (what a power cut left after the last valid line) and works out the next sequence number.
 * Only the last segment can have a torn tail: earlier ones were forced and closed at rotation.
 * Runs on the thread that opens the journal, before the writer starts.
 */
final class JournalRecovery {
    private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

    /** Where to continue: append to {@code lastSegment} at {@code validSize} with {@code nextSeq}. */
    record Recovered(Path lastSegment, long validSize, long nextSeq, int segments) {}

    private JournalRecovery() {}

    static Recovered recover(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> segments = JournalSegments.list(dir);
        if (segments.isEmpty()) {
            return new Recovered(JournalSegments.path(dir, 1), 0, 1, 1);
        }
        Path last = segments.get(segments.size() - 1);
        SegmentScanner.Result r = SegmentScanner.scan(last, e -> { });
        cutTornTail(last, r);
        long nextSeq = r.lastSeq() > 0 ? r.lastSeq() + 1 : JournalSegments.firstSeq(last);
        return new Recovered(last, r.validEnd(), nextSeq, segments.size());
    }

    private static void cutTornTail(Path segment, SegmentScanner.Result r) throws IOException {
        if (r.corruptLines() > 0) {
            log.warn("journal {}: {} corrupt line(s) inside the segment are kept and skipped on replay",
                    segment.getFileName(), r.corruptLines());
        }
        if (r.tailBytes() == 0) {
            return;
        }
        log.warn("journal {}: cutting torn tail of {} byte(s) after offset {} (last good seq {})",
                segment.getFileName(), r.tailBytes(), r.validEnd(), r.lastSeq());
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(r.validEnd());
            ch.force(true);
        }
    }
}
