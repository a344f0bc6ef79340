package io.branchbox.firmware.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A journal's disk under a test's control, for tests outside this package: it can refuse writes
 * like a full disk ({@link #full}) or stall every fsync until released ({@link #stall}).
 */
public final class JournalDisk {
    private final List<FlakyChannel> channels = new CopyOnWriteArrayList<>();
    private volatile boolean full;
    private volatile CountDownLatch stall;

    /** A journal in {@code dir} whose segments are on this disk. */
    public EventJournal open(Path dir, Clock clock) throws IOException {
        return EventJournal.open(dir, clock, EventJournal.DEFAULT_SEGMENT_BYTES, segment -> {
            FlakyChannel c = new FlakyChannel(SegmentWriter.Opener.DEFAULT.open(segment));
            c.full = full;
            c.stall = stall;
            channels.add(c);
            return c;
        });
    }

    /** Writes fail (after a few bytes, as before ENOSPC) while {@code on}. */
    public void full(boolean on) {
        full = on;
        channels.forEach(c -> c.full = on);
    }

    /** Every fsync from now on waits until {@link #release}. */
    public void stall() {
        CountDownLatch s = new CountDownLatch(1);
        stall = s;
        channels.forEach(c -> c.stall = s);
    }

    /** Lets stalled fsyncs go on. */
    public void release() {
        CountDownLatch s = stall;
        stall = null;
        channels.forEach(c -> c.stall = null);
        if (s != null) {
            s.countDown();
        }
    }
}
