package io.branchbox.admin.console;

import io.branchbox.time.ManualScheduler;
import io.branchbox.time.Scheduler;
import java.time.Clock;
import java.time.Duration;

/**
 * A {@link ManualScheduler} that Jetty threads may schedule on while the test thread advances it:
 * every call, timer cancels included, holds one lock. Time moves only when the test says so.
 */
public final class LockedScheduler implements Scheduler {
    private final ManualScheduler manual = new ManualScheduler();

    @Override
    public synchronized Clock clock() {
        return manual.clock();
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        return locked(manual.schedule(delay, task));
    }

    @Override
    public synchronized Timer scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        return locked(manual.scheduleAtFixedRate(initialDelay, period, task));
    }

    @Override
    public synchronized void execute(Runnable task) {
        manual.execute(task);
    }

    public synchronized void advance(Duration d) {
        manual.advance(d);
    }

    public synchronized int pendingCount() {
        return manual.pendingCount();
    }

    private Timer locked(Timer timer) {
        LockedScheduler lock = this;
        return new Timer() {
            @Override
            public void cancel() {
                synchronized (lock) {
                    timer.cancel();
                }
            }

            @Override
            public boolean isPending() {
                synchronized (lock) {
                    return timer.isPending();
                }
            }
        };
    }
}
