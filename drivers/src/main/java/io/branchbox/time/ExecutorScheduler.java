package io.branchbox.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Scheduler}: one named daemon thread over a {@link ScheduledExecutorService}.
 *
 * <p>A task that throws is logged and does not stop the thread or cancel other tasks; a periodic
 * task that throws keeps its schedule, because a timer that silently stops (a PING that is never
 * sent again) is worse than a repeated error in the log.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final Clock clock;
    private final ScheduledExecutorService executor;

    public ExecutorScheduler(String threadName, Clock clock) {
        this.clock = clock;
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // a graceful close runs what is queued now, not timers due later (protocol timers, wrap-up)
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pool;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        return wrap(executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Timer scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        return wrap(executor.scheduleAtFixedRate(
                guarded(task), initialDelay.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    /** Stops the thread; pending tasks are dropped. Returns within a second. */
    /**
     * Stops after the tasks already submitted (periodic ones excepted) have run, waiting at most
     * {@code grace}; then as {@link #close}. For threads whose queued work must not be lost, such
     * as the recording writer finishing its files.
     */
    public void close(java.time.Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("scheduler thread still busy after {} ms: stopping it", grace.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                log.warn("scheduler thread did not stop within 1 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("scheduled task failed", e);
            } catch (Error e) {
                // an Error (out of memory, stack overflow, a linkage problem) must not be survived
                // silently: the process's handler decides (the box raises an alarm and exits)
                log.error("scheduled task failed with an error", e);
                Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
                if (h != null) {
                    h.uncaughtException(Thread.currentThread(), e);
                }
            }
        };
    }

    private static Timer wrap(ScheduledFuture<?> f) {
        return new Timer() {
            @Override
            public void cancel() {
                f.cancel(false);
            }

            @Override
            public boolean isPending() {
                return !f.isDone();
            }
        };
    }
}
