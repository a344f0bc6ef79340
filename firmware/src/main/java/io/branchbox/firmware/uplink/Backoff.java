package io.branchbox.firmware.uplink;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: doubling from {@code min} up to {@code max}, each drawn between three
 * quarters and all of the doubled value. The random part matters after a central outage: hundreds
 * of boxes lose the broker at the same instant and must not all come back in the same second.
 *
 * <p>Not thread-safe; used on the service's scheduler thread.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    /** @param random values in [0, 1); tests pass a constant */
    Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.min = min;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more failure. */
    Duration next() {
        long base = min.toMillis() << Math.min(failures, 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, max.toMillis());
        failures++;
        return Duration.ofMillis(capped - (long) (capped / 4.0 * random.getAsDouble()));
    }

    /** After a successful connect the next failure starts from {@code min} again. */
    void reset() {
        failures = 0;
    }
}
