package io.branchbox.firmware.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;

/** A journal whose segment files go through a test's layer (a power-cut disk), for tests outside this package. */
public final class JournalFiles {
    /** Wraps the real channel of a segment. */
    @FunctionalInterface
    public interface Wrap {
        FileChannel wrap(Path segment, FileChannel real) throws IOException;
    }

    private JournalFiles() {}

    /** The journal in {@code dir} with segments of {@code maxSegmentBytes}, each wrapped by {@code wrap}. */
    public static EventJournal open(Path dir, Clock clock, long maxSegmentBytes, Wrap wrap) throws IOException {
        return EventJournal.open(dir, clock, maxSegmentBytes,
                segment -> wrap.wrap(segment, SegmentWriter.Opener.DEFAULT.open(segment)));
    }
}
