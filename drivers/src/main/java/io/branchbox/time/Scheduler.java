package io.branchbox.time;

import java.time.Clock;
import java.time.Duration;

/**
 * Time as every state machine in the box sees it: a clock to read and a way to run work later.
 *
 * <p>Protocol timers (LAPD T200, Q.931 T303, link PING, ACK resend), queue timeouts and blink
 * patterns all take a {@code Scheduler} in their constructor instead of reading the system clock or
 * sleeping, so that tests drive them with {@code ManualScheduler} (virtual time, drivers' test jar) and no test ever sleeps.
 *
 * <p>Threading: an implementation runs every task on one thread of its own, in the order the
 * tasks become due (tasks due at the same instant run in submission order). Code that is only
 * ever called from its scheduler's thread therefore needs no locks. {@link #execute} may be called
 * from any thread.
 */
public interface Scheduler {

    /** The clock that {@link #schedule} measures delays against. */
    Clock clock();

    /**
     * Monotonic milliseconds (arbitrary origin) for the hot paths that measure intervals
     * (debouncing, ringing cadence, forcing recordings, stuck channels). Not a wall time: use
     * {@link #clock()} for what is written into records. A wall-clock step (NTP, ±1 h) moves
     * {@code clock()} but not this, so no timer fires early or late because of it.
     */
    default long nowMillis() {
        return monotonicNanos() / 1_000_000;
    }

    /**
     * A monotonic reading in nanoseconds (arbitrary origin) for measuring intervals: unlike
     * {@link #clock()} it does not jump when the wall clock is stepped (NTP, a technician), so
     * timeouts and rates stay right across a ±1 h step. Delays of {@link #schedule} are monotonic too.
     */
    default long monotonicNanos() {
        return System.nanoTime();
    }

    /** Runs {@code task} once after {@code delay}. The returned handle cancels it if still pending. */
    Timer schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, first after {@code initialDelay}, until cancelled. */
    Timer scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);

    /** Runs {@code task} as soon as possible on the scheduler's thread. Safe from any thread. */
    void execute(Runnable task);

    /** A pending task. Cancelling is idempotent and safe from any thread. */
    interface Timer {
        /** Cancels the task; a no-op if it already ran (one-shot) or was cancelled. */
        void cancel();

        /** Whether the task may still run. */
        boolean isPending();

        /** A timer that is never pending, for fields that hold "no timer running". */
        Timer NONE = new Timer() {
            @Override
            public void cancel() {}

            @Override
            public boolean isPending() {
                return false;
            }
        };
    }
}
