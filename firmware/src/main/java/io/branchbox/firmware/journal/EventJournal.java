package io.branchbox.firmware.journal;

import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's single source of truth: an append-only log of call, queue and agent events in a
 * directory of segment files ({@code journal-<first seq>.log}, one CRC-protected JSON line per
 * event, see {@link JournalCodec}). Database tables and statistics are projections rebuilt from
 * it with {@link #replay}.
 *
 * <p><b>Threading.</b> {@link #append} may be called from any thread; it only assigns the next
 * sequence number under a short lock and queues the event, it never touches the disk. One writer
 * thread ({@code journal-writer}) takes everything queued, writes it and forces it with one
 * {@code fsync} (group commit): an event is durable as soon as the disk has taken the batch it
 * came in, well within 200 ms on a healthy disk. Listeners run on the writer thread after their
 * event is durable, in sequence order; a slow listener delays durability of later events, so
 * listeners must be quick and must not call {@link #flush} (that would deadlock).
 * {@link #flush} blocks its caller until everything appended before it is durable: never call it
 * on the audio thread or on a protocol timer thread.
 *
 * <p><b>Crash recovery.</b> {@link #open} scans the last segment and cuts a torn tail (a half
 * written line, a block of zeros) after the last valid line, logging how many bytes were cut.
 * A corrupt line followed by valid ones is kept on disk, skipped by {@link #replay} and logged.
 *
 * <p><b>Disk errors.</b> A failed write is rolled back and retried with the next batch or once
 * a second; nothing already appended is dropped while the box runs. {@link #flush} throws while
 * writes fail.
 */
public final class EventJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventJournal.class);
    /** Default segment size before rotation. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    private static final int MAX_BATCH = 4096;
    private static final JournalEvent STOP = JournalEvent.of(java.time.Instant.EPOCH, "journal.stop", null, null, null, null);

    private final Path dir;
    private final Clock clock;
    private final SegmentWriter writer;
    private final LinkedBlockingQueue<JournalEvent> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<JournalEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Object seqLock = new Object();
    private final Object durableLock = new Object();
    private final Thread thread;
    private final HighWaterMark highWater;
    private final long lastSeqAtOpen;
    private long nextSeq;
    private boolean closed;
    private volatile long durableSeq;
    private volatile IOException failure;
    /** Guarded by durableLock. */
    private long failedAttempts;

    private EventJournal(Path dir, Clock clock, SegmentWriter writer, HighWaterMark highWater, long lastSeqAtOpen,
            long nextSeq) {
        this.dir = dir;
        this.clock = clock;
        this.writer = writer;
        this.highWater = highWater;
        this.lastSeqAtOpen = lastSeqAtOpen;
        this.nextSeq = nextSeq;
        this.durableSeq = nextSeq - 1;
        this.thread = new Thread(this::runWriter, ThreadNames.JOURNAL_WRITER);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> log.error("journal writer died; flush() will fail", e));
    }

    /** Opens (creating if needed) the journal in {@code dir} with 64 MiB segments. */
    public static EventJournal open(Path dir, Clock clock) throws IOException {
        return open(dir, clock, DEFAULT_SEGMENT_BYTES);
    }

    /**
     * Opens the journal in {@code dir}, repairing a torn tail of the last segment, and starts the
     * writer thread. {@code clock} stamps events appended with {@link #append(String, String,
     * String, String, Map)}.
     */
    public static EventJournal open(Path dir, Clock clock, long maxSegmentBytes) throws IOException {
        return open(dir, clock, maxSegmentBytes, SegmentWriter.Opener.DEFAULT);
    }

    static EventJournal open(Path dir, Clock clock, long maxSegmentBytes, SegmentWriter.Opener opener)
            throws IOException {
        JournalRecovery.Recovered r = JournalRecovery.recover(dir);
        HighWaterMark hw = HighWaterMark.open(dir);
        // numbers up to the reservation may have been used by events that are gone now: never reuse them
        long next = Math.max(r.nextSeq(), hw.reserved() + 1);
        EventJournal j = new EventJournal(dir, clock,
                new SegmentWriter(dir, maxSegmentBytes, r.lastSegment(), r.validSize(), opener), hw,
                r.nextSeq() - 1, next);
        j.thread.start();
        log.info("journal open in {}: {} segment(s), last event on disk seq {}, next seq {}", dir, r.segments(),
                r.nextSeq() - 1, next);
        return j;
    }

    /**
     * Appends {@code event} (its {@code seq} is ignored) and returns the sequence number it got.
     * Never blocks on disk. Throws {@link IllegalStateException} after {@link #close}.
     */
    public long append(JournalEvent event) {
        synchronized (seqLock) {
            if (closed) {
                throw new IllegalStateException("journal closed; event " + event.type() + " refused");
            }
            long seq = nextSeq++;
            queue.add(event.withSeq(seq));
            return seq;
        }
    }

    /**
     * The sequence number of the last valid event found on disk when the journal was opened (0 for
     * an empty journal). Compared with the projections' offsets at start-up: a database that has
     * applied more than this means the journal lost events (see {@link #raiseFloor}).
     */
    public long lastSeqAtOpen() {
        return lastSeqAtOpen;
    }

    /**
     * Makes every later event's sequence number greater than {@code seq}; returns true if that
     * moved the next number. Used at start-up when the database has applied events the journal no
     * longer holds, so new events are not taken for ones the projections already saw. Only while
     * no event waits to be written (start-up): throws {@link IllegalStateException} otherwise.
     */
    public boolean raiseFloor(long seq) {
        synchronized (seqLock) {
            if (nextSeq > seq) {
                return false;
            }
            synchronized (durableLock) {
                if (durableSeq != nextSeq - 1) {
                    throw new IllegalStateException("raiseFloor with events waiting to be written");
                }
                // nothing is pending: the numbers skipped count as durable, so flush() does not wait for them
                durableSeq = seq;
            }
            log.warn("journal: next seq raised from {} to {} (the database has seen events up to {})",
                    nextSeq, seq + 1, seq);
            nextSeq = seq + 1;
            return true;
        }
    }

    /**
     * Events appended but not yet on disk. Normally a batch or none; it grows while the disk
     * refuses writes (they are held in memory and retried).
     */
    public long heldEvents() {
        synchronized (seqLock) {
            return nextSeq - 1 - durableSeq;
        }
    }

    /** The last write error while writes fail, or null while the journal writes normally. */
    public IOException writeFailure() {
        return failure;
    }

    /** The writer thread, for the box's thread watchdog. */
    public Thread writerThread() {
        return thread;
    }

    /** Appends a call event ({@link CallEventCodec} gives its on-disk form) stamped with the journal's clock. */
    public long append(CallEvents event) {
        return append(CallEventCodec.encode(clock.instant(), event));
    }

    /** Appends an event stamped with the journal's clock. */
    public long append(String type, String callId, String agentId, String queueName, Map<String, String> attrs) {
        return append(JournalEvent.of(clock.instant(), type, callId, agentId, queueName, attrs));
    }

    /**
     * Blocks until every event appended before this call is on disk and has been seen by the
     * listeners. Throws if a write attempt made after this call fails (the events stay queued
     * and are retried); must not be called from a listener.
     */
    public void flush() throws IOException {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("flush() from a journal listener would wait for itself");
        }
        long target;
        synchronized (seqLock) {
            target = nextSeq - 1;
        }
        synchronized (durableLock) {
            long failuresBefore = failedAttempts;
            while (durableSeq < target) {
                if (failedAttempts > failuresBefore) {
                    throw new IOException("journal write failed; " + (target - durableSeq)
                            + " event(s) not durable yet, retried every second", failure);
                }
                if (!thread.isAlive()) {
                    throw new IOException("journal writer stopped; " + (target - durableSeq) + " event(s) not durable");
                }
                try {
                    durableLock.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while flushing the journal");
                }
            }
        }
    }

    /** The highest sequence number known to be on disk. */
    public long durableSeq() {
        return durableSeq;
    }

    /**
     * Adds a projection that sees every event after it is durable, on the writer thread. It does
     * not see events from before it was added: rebuild with {@link #replay} first.
     */
    public void addListener(Consumer<JournalEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<JournalEvent> listener) {
        listeners.remove(listener);
    }

    /**
     * Feeds every event on disk, oldest first, to {@code sink} on the caller's thread. Events still
     * queued are not included: call {@link #flush} first to include them. Safe while appending.
     */
    public void replay(Consumer<JournalEvent> sink) throws IOException {
        replay(1, sink);
    }

    /**
     * Like {@link #replay(Consumer)} but only events with {@code seq >= fromSeq}; segments that
     * end before {@code fromSeq} are not read at all.
     */
    public void replay(long fromSeq, Consumer<JournalEvent> sink) throws IOException {
        List<Path> segments = JournalSegments.list(dir);
        for (int i = 0; i < segments.size(); i++) {
            if (i + 1 < segments.size() && JournalSegments.firstSeq(segments.get(i + 1)) <= fromSeq) {
                continue;
            }
            Path segment = segments.get(i);
            SegmentScanner.Result r = SegmentScanner.scan(segment, e -> {
                if (e.seq() >= fromSeq) {
                    sink.accept(e);
                }
            });
            if (r.corruptLines() > 0) {
                log.warn("journal replay {}: skipped {} corrupt line(s)", segment.getFileName(), r.corruptLines());
            }
        }
    }

    /** Writes everything appended so far, stops the writer thread and closes the file. */
    @Override
    public void close() throws IOException {
        synchronized (seqLock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while closing the journal");
        }
        writer.close();
        if (failure == null) {
            highWater.settle(durableSeq);
        }
    }

    private void runWriter() {
        List<JournalEvent> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping || !batch.isEmpty()) {
            try {
                if (!stopping) {
                    stopping = collect(batch);
                }
                if (batch.isEmpty()) {
                    continue;
                }
                highWater.cover(batch.get(batch.size() - 1).seq());
                writer.writeAndForce(batch);
                markDurable(batch);
                batch.clear();
            } catch (IOException e) {
                onWriteFailure(e, batch.size());
                if (stopping) {
                    log.error("journal closing with {} event(s) that could not be written", batch.size());
                    return;
                }
            } catch (InterruptedException e) {
                log.warn("journal writer interrupted with {} event(s) unwritten", batch.size());
                return;
            }
        }
    }

    /** Waits for work and moves it into {@code batch}; returns true when the stop marker came. */
    private boolean collect(List<JournalEvent> batch) throws InterruptedException {
        // with a failed batch waiting, wake up once a second to retry even if nothing new comes
        JournalEvent first = batch.isEmpty() ? queue.take() : queue.poll(1, TimeUnit.SECONDS);
        List<JournalEvent> more = new ArrayList<>();
        if (first != null) {
            more.add(first);
        }
        queue.drainTo(more, MAX_BATCH);
        boolean stop = more.remove(STOP);
        batch.addAll(more);
        return stop;
    }

    private void markDurable(List<JournalEvent> batch) {
        if (failure != null) {
            log.info("journal writes work again");
            failure = null;
        }
        for (JournalEvent e : batch) {
            for (Consumer<JournalEvent> l : listeners) {
                try {
                    l.accept(e);
                } catch (RuntimeException ex) {
                    log.error("journal listener failed on seq {} ({})", e.seq(), e.type(), ex);
                }
            }
        }
        // published after the listeners so that flush() returning means projections are current
        synchronized (durableLock) {
            durableSeq = batch.get(batch.size() - 1).seq();
            durableLock.notifyAll();
        }
    }

    private void onWriteFailure(IOException e, int pending) {
        if (failure == null) {
            log.error("journal write to {} failed; {} event(s) held in memory and retried",
                    writer.currentSegment().getFileName(), pending, e);
        }
        synchronized (durableLock) {
            failure = e;
            failedAttempts++;
            durableLock.notifyAll();
        }
    }
}
