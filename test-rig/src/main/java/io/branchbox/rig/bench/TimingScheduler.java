package io.branchbox.rig.bench;

import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * A scheduler that times its periodic tasks: how long each run took and how late it started
 * against its fixed-rate plan. Wraps the recording writer's own {@link ExecutorScheduler}, whose
 * only periodic task is the drain-and-force cycle, so the writer is measured from outside.
 *
 * <p>Threading: the figures are written on the wrapped scheduler's thread and read after it was
 * quiesced; {@link #cycleNanos} and {@link #maxLateNanos} synchronise for the hand-over.
 */
final class TimingScheduler implements Scheduler, AutoCloseable {
    private final ExecutorScheduler inner;
    private long[] cycles = new long[1024];
    private int count;
    private long maxLate;
    private boolean resetPlan;

    TimingScheduler(ExecutorScheduler inner) {
        this.inner = inner;
    }

    @Override
    public Clock clock() {
        return inner.clock();
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        return inner.schedule(delay, task);
    }

    @Override
    public Timer scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        long periodNanos = period.toNanos();
        // [0]: when run 0 of the plan was due, [1]: runs since
        long[] plan = {System.nanoTime() + initialDelay.toNanos(), 0};
        return inner.scheduleAtFixedRate(initialDelay, period, () -> {
            long start = System.nanoTime();
            if (takeReset()) {
                plan[0] = start;
                plan[1] = 0;
            }
            long late = start - (plan[0] + plan[1]++ * periodNanos);
            task.run();
            record(System.nanoTime() - start, late);
        });
    }

    @Override
    public void execute(Runnable task) {
        inner.execute(task);
    }

    private synchronized boolean takeReset() {
        boolean r = resetPlan;
        resetPlan = false;
        return r;
    }

    private synchronized void record(long nanos, long late) {
        if (count == cycles.length) {
            cycles = Arrays.copyOf(cycles, count * 2);
        }
        cycles[count++] = nanos;
        maxLate = Math.max(maxLate, late);
    }

    /** Forgets the figures so far; the lateness plan restarts at the next run. */
    synchronized void reset() {
        count = 0;
        maxLate = 0;
        resetPlan = true;
    }

    synchronized long[] cycleNanos() {
        return Arrays.copyOf(cycles, count);
    }

    synchronized long maxLateNanos() {
        return maxLate;
    }

    @Override
    public void close() {
        inner.close();
    }
}
