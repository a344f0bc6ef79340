package io.branchbox.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} in virtual time, for tests: nothing runs until the test calls
 * {@link #advance} or {@link #runPending}, and then everything runs on the caller's thread.
 *
 * <p>Tests read as given / when / then: {@code scheduler.advance(Duration.ofSeconds(1))} fires
 * exactly the timers due within that second, in due order, with the clock showing each task's due
 * time while it runs. Not thread-safe: use from the test thread only.
 */
public final class ManualScheduler implements Scheduler {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;
    private final ZoneId zone;
    private long epochMillis;

    /** Starts at 2026-01-01T00:00:00Z. */
    public ManualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    }

    public ManualScheduler(Instant start, ZoneId zone) {
        this.epochMillis = start.toEpochMilli();
        this.zone = zone;
    }

    @Override
    public Clock clock() {
        return new VirtualClock(zone);
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        return enqueue(nowNanos + Math.max(0, delay.toNanos()), 0, task);
    }

    @Override
    public Timer scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return enqueue(nowNanos + Math.max(0, initialDelay.toNanos()), period.toNanos(), task);
    }

    @Override
    public void execute(Runnable task) {
        enqueue(nowNanos, 0, task);
    }

    /** Virtual monotonic time: moved only by {@link #advance}, never by {@link #stepWallClock}. */
    @Override
    public long monotonicNanos() {
        return nowNanos;
    }

    /**
     * Steps the wall clock by {@code d} (an NTP correction, ±1 h) without moving monotonic time or
     * running any timer: what a real clock step does to a box.
     */
    public void stepWallClock(Duration d) {
        epochMillis += d.toMillis();
    }

    /** Moves virtual time forward by {@code d}, running every task that falls due on the way. */
    public void advance(Duration d) {
        long target = nowNanos + d.toNanos();
        while (!queue.isEmpty() && queue.peek().dueNanos <= target) {
            Task t = queue.poll();
            if (t.cancelled) {
                continue;
            }
            nowNanos = t.dueNanos;
            if (t.periodNanos > 0) {
                t.dueNanos += t.periodNanos;
                queue.add(t);
            } else {
                t.cancelled = true;
            }
            t.runnable.run();
        }
        nowNanos = target;
    }

    /** Runs the tasks that are due now (for example those passed to {@link #execute}). */
    public void runPending() {
        advance(Duration.ZERO);
    }

    /** Virtual time elapsed since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(nowNanos);
    }

    /** Number of tasks still pending, periodic ones included. */
    public int pendingCount() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    private Timer enqueue(long due, long period, Runnable r) {
        Task t = new Task(due, period, sequence++, r);
        queue.add(t);
        return t;
    }

    private static final class Task implements Timer, Comparable<Task> {
        long dueNanos;
        final long periodNanos;
        final long seq;
        final Runnable runnable;
        boolean cancelled;

        Task(long dueNanos, long periodNanos, long seq, Runnable runnable) {
            this.dueNanos = dueNanos;
            this.periodNanos = periodNanos;
            this.seq = seq;
            this.runnable = runnable;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isPending() {
            return !cancelled;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(dueNanos, o.dueNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final class VirtualClock extends Clock {
        private final ZoneId zone;

        VirtualClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new VirtualClock(z);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(epochMillis).plusNanos(nowNanos);
        }
    }
}
