package io.branchbox.rig.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it: every event the box journals between two
 * moves carries the same instant, so a scripted call lasts exactly what the script says however
 * slowly the machine runs it. The box's timers still run in real time (they are scheduled by
 * delay, not by this clock). Thread-safe; views in other zones share the instant.
 */
final class ScriptClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    ScriptClock(Instant start) {
        this(new AtomicReference<>(start), ZoneId.of("UTC"));
    }

    private ScriptClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Moves the time forward by {@code seconds}; returns the new instant. */
    Instant pass(double seconds) {
        return now.updateAndGet(t -> t.plus(Duration.ofMillis(Math.round(seconds * 1000))));
    }

    /** Sets the time; it never goes back. */
    Instant set(Instant t) {
        if (t.isBefore(now.get())) {
            throw new IllegalArgumentException("the script's time goes forward only: " + t + " < " + now.get());
        }
        now.set(t);
        return t;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new ScriptClock(now, z);
    }
}
