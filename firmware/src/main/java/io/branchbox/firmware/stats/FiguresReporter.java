package io.branchbox.firmware.stats;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Reports the service figures of each interval (15 minutes by default): listens to the journal
 * after each event is durable, and at every interval boundary hands the interval's figures to the
 * sink (the uplink).
 *
 * <p>Threading: {@link #accept} runs on the journal's writer thread, the report on the given
 * scheduler's thread; they share the fold under a short lock and the sink is called outside it.
 * Figures of an interval cut short by a restart are the calls that ended after the restart; the
 * journal keeps the truth for a recount.
 */
public final class FiguresReporter implements Consumer<JournalEvent> {

    /** Where figures go: the interval and the figures. */
    @FunctionalInterface
    public interface Sink {
        void report(Instant from, Instant to, ServiceFigures figures);
    }

    private final CallStatistics stats = new CallStatistics();
    private final Scheduler scheduler;
    private volatile Sink sink = (from, to, f) -> { };
    private Instant intervalStart;

    public FiguresReporter(Scheduler scheduler, Duration interval) {
        this.scheduler = scheduler;
        this.intervalStart = scheduler.clock().instant();
        scheduler.scheduleAtFixedRate(interval, interval, this::report);
    }

    public void setSink(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void accept(JournalEvent e) {
        synchronized (stats) {
            stats.accept(e);
        }
    }

    private void report() {
        ServiceFigures f;
        Instant from;
        Instant to = scheduler.clock().instant();
        synchronized (stats) {
            f = stats.takeAndReset();
            from = intervalStart;
            intervalStart = to;
        }
        sink.report(from, to, f);
    }
}
