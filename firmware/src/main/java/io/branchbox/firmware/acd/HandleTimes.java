package io.branchbox.firmware.acd;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Average handle time per queue, for expected-wait announcements.
 *
 * <p>Before any call of a queue ends the average is {@link #DEFAULT}. The first finished call
 * replaces the default; each later one moves the average by {@link #WEIGHT} of the difference
 * (an exponentially weighted mean: recent calls count most, one odd call moves it little).
 *
 * <p>Not thread-safe: owned by {@link Acd}.
 */
final class HandleTimes {
    private static final Logger log = LoggerFactory.getLogger(HandleTimes.class);
    /** What a queue is assumed to take per call before it has any history. */
    static final Duration DEFAULT = Duration.ofSeconds(180);
    /** Share of a new sample in the average. */
    static final double WEIGHT = 0.2;

    private final Map<String, Double> averageMs = new HashMap<>();
    private long rejected;

    void record(String queue, Duration handled) {
        if (handled.isNegative()) {
            rejected++;
            log.warn("handle time {} for queue {} ignored (negative; {} ignored so far)", handled, queue, rejected);
            return;
        }
        double ms = handled.toMillis();
        averageMs.merge(queue, ms, (old, sample) -> old + WEIGHT * (sample - old));
    }

    Duration average(String queue) {
        Double ms = averageMs.get(queue);
        return ms == null ? DEFAULT : Duration.ofMillis(Math.round(ms));
    }

    /** Samples ignored as impossible (negative), for diagnostics. */
    long rejected() {
        return rejected;
    }
}
