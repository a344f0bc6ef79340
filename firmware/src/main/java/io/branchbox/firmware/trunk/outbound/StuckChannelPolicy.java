package io.branchbox.firmware.trunk.outbound;

import java.time.Duration;

/**
 * When a BUSY channel without a call counts as stuck, and how often it may be restarted.
 * Immutable.
 *
 * @param grace how long a channel may be BUSY without a call (a call being set up or torn down
 *     is briefly in that state) before it is restarted
 * @param channelInterval at most one RESTART per channel in this interval
 * @param perSpanLimit at most this many channels restarted per span in {@link #spanWindow}
 * @param spanWindow the window of {@code perSpanLimit}
 * @param sweepPeriod how often the job looks
 */
public record StuckChannelPolicy(Duration grace, Duration channelInterval, int perSpanLimit, Duration spanWindow,
        Duration sweepPeriod) {

    public StuckChannelPolicy {
        for (Duration d : new Duration[] {grace, channelInterval, spanWindow, sweepPeriod}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("stuck-channel durations must be positive");
            }
        }
        if (perSpanLimit < 1) {
            throw new IllegalArgumentException("perSpanLimit must be at least 1: " + perSpanLimit);
        }
    }

    /** Grace 30 s, one RESTART per channel per minute, 4 per span per minute, sweep every 10 s. */
    public static StuckChannelPolicy defaults() {
        return new StuckChannelPolicy(Duration.ofSeconds(30), Duration.ofMinutes(1), 4, Duration.ofMinutes(1),
                Duration.ofSeconds(10));
    }
}
