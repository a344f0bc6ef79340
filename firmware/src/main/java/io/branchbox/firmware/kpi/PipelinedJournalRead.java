package io.branchbox.firmware.kpi;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.journal.JournalReader;
import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A read-only journal read ({@link JournalReader#read(Path, Predicate, Consumer)}) whose reading
 * and decoding run on a second thread ({@code kpi-read}) while the caller folds: decoding is about
 * two thirds of a cold report's CPU and the fold the rest, so on two cores the report takes about
 * as long as the decoding alone (docs/BENCHMARKS.md). The sink still sees every event once, in
 * journal order, on the calling thread; the result is the reader's.
 *
 * <p>Memory is bounded: at most {@link #QUEUED} batches of {@link #BATCH} decoded events wait.
 * When the sink throws, the reader stops at its next hand-over; when the reader fails, the sink
 * has seen the events before the failure and the reader's exception is thrown here. Stateless;
 * one reader thread per call, a daemon, ended before this returns or soon after it throws.
 */
final class PipelinedJournalRead {
    static final int BATCH = 256;
    static final int QUEUED = 8;
    private static final Object END = new Object();

    private PipelinedJournalRead() {}

    static JournalReader.Result read(Path dir, Predicate<String> bare, Consumer<JournalEvent> sink) throws IOException {
        return read(dir, bare, e -> null, (e, nothing) -> sink.accept(e));
    }

    /**
     * Like {@link #read(Path, Predicate, Consumer)}, and {@code prepare} (stateless) runs on the
     * reading thread too: the sink gets each event with what it made of it (the ledger's
     * {@link KpiLedger#decode typed event}, so that the fold thread only folds).
     */
    static <T> JournalReader.Result read(Path dir, Predicate<String> bare, Function<JournalEvent, T> prepare,
            BiConsumer<JournalEvent, T> sink) throws IOException {
        ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
        AtomicBoolean abandoned = new AtomicBoolean();
        FutureTask<JournalReader.Result> reading = new FutureTask<>(() -> {
            Batches<T> batches = new Batches<>(queue, abandoned, prepare);
            try {
                JournalReader.Result r = JournalReader.read(dir, bare, batches);
                batches.flush();
                return r;
            } finally {
                batches.handOver(END);
            }
        });
        Thread reader = new Thread(reading, ThreadNames.KPI_READ);
        reader.setDaemon(true);
        reader.start();
        try {
            for (Object o = queue.take(); o != END; o = queue.take()) {
                @SuppressWarnings("unchecked")
                Batch<T> b = (Batch<T>) o;
                for (int i = 0; i < b.n; i++) {
                    sink.accept(b.events[i], b.prepared[i]);
                }
            }
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("journal read interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(cause));
        } finally {
            abandoned.set(true);
            queue.clear();
        }
    }

    /** Events and what was made of them, filled on the reading thread, read on the caller's after the hand-over. */
    private static final class Batch<T> {
        final JournalEvent[] events = new JournalEvent[BATCH];
        @SuppressWarnings("unchecked")
        final T[] prepared = (T[]) new Object[BATCH];
        int n;
    }

    /** The reader's side: collects events into batches and hands each over, waiting while the queue is full. */
    private static final class Batches<T> implements Consumer<JournalEvent> {
        private final ArrayBlockingQueue<Object> queue;
        private final AtomicBoolean abandoned;
        private final Function<JournalEvent, T> prepare;
        private Batch<T> batch = new Batch<>();

        Batches(ArrayBlockingQueue<Object> queue, AtomicBoolean abandoned, Function<JournalEvent, T> prepare) {
            this.queue = queue;
            this.abandoned = abandoned;
            this.prepare = prepare;
        }

        @Override
        public void accept(JournalEvent e) {
            batch.events[batch.n] = e;
            batch.prepared[batch.n++] = prepare.apply(e);
            if (batch.n == BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.n > 0) {
                handOver(batch);
                batch = new Batch<>();
            }
        }

        /** Queues {@code o}; gives up (the read ends) once the caller has stopped taking. */
        void handOver(Object o) {
            try {
                while (!queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                    if (abandoned.get()) {
                        throw new CancellationException("the fold stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }
}
