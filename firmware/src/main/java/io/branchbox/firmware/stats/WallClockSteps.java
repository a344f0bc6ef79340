package io.branchbox.firmware.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices steps of the wall clock (an NTP correction of an hour, a technician setting the time)
 * against monotonic time, so durations measured between wall-clock stamps can be corrected:
 * records keep their wall times, figures that are durations (a wait, a service level) do not jump
 * by the step. A change of wall minus monotonic time of {@value #STEP_MS} ms or more counts as a
 * step; smaller ones (NTP slewing) are left alone.
 *
 * <p>Threading: thread-safe (synchronized, quick).
 */
public final class WallClockSteps {
    private static final Logger log = LoggerFactory.getLogger(WallClockSteps.class);
    static final long STEP_MS = 2_000;

    private final Clock wall;
    private final LongSupplier monotonicNanos;
    private final long baseOffsetMs;
    private long stepsMs;

    /** Watches {@code wall} against {@code monotonicNanos} (System::nanoTime, or a virtual clock's). */
    public WallClockSteps(Clock wall, LongSupplier monotonicNanos) {
        this.wall = wall;
        this.monotonicNanos = monotonicNanos;
        this.baseOffsetMs = offsetMs();
    }

    /** The sum of the wall-clock steps since this was made, in ms (positive: the clock went forward). */
    public synchronized long stepsMillis() {
        long drift = offsetMs() - baseOffsetMs - stepsMs;
        if (Math.abs(drift) >= STEP_MS) {
            stepsMs += drift;
            log.warn("wall clock stepped by {} s: durations in the live figures are measured across it", drift / 1000);
        }
        return stepsMs;
    }

    /** {@code at} (a wall time stamped now or a moment ago) on the time line before any step. */
    public Instant steady(Instant at) {
        long s = stepsMillis();
        return s == 0 ? at : at.minusMillis(s);
    }

    private long offsetMs() {
        return wall.millis() - monotonicNanos.getAsLong() / 1_000_000;
    }
}
