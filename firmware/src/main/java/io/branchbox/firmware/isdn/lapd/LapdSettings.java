package io.branchbox.firmware.isdn.lapd;

import java.time.Duration;

/**
 * The system parameters of one LAPD link (Q.921 section 5.9) plus the box's self-healing policy.
 *
 * @param t200 acknowledgement timer: how long to wait for an answer before polling or retrying
 * @param n200 how many times a SABME, DISC or status enquiry is retransmitted before giving up
 * @param t203 idle timer: a poll is sent when nothing was heard for this long
 * @param k window: the most unacknowledged I frames in flight (7 for SAPI 0 on a PRI)
 * @param autoEstablish whether {@link LapdLink#start()} brings the link up by itself, and so keeps
 *     it up after losses; the box's USER side always sets it
 * @param reestablishDelay pause between a failed or lost link and the next SABME attempt
 * @param maxQueued most layer-3 messages held while the link is down or the window is full;
 *     beyond that, new messages are dropped and counted
 */
public record LapdSettings(
        Duration t200,
        int n200,
        Duration t203,
        int k,
        boolean autoEstablish,
        Duration reestablishDelay,
        int maxQueued) {

    /** Q.921 defaults for a PRI: T200 1 s, N200 3, T203 10 s, k 7; retry after 5 s; 500 queued. */
    public static final LapdSettings DEFAULTS =
            new LapdSettings(Duration.ofSeconds(1), 3, Duration.ofSeconds(10), 7, true,
                    Duration.ofSeconds(5), 500);

    public LapdSettings {
        requirePositive("T200", t200);
        requirePositive("T203", t203);
        requirePositive("re-establish delay", reestablishDelay);
        if (n200 < 1) {
            throw new IllegalArgumentException("N200 must be at least 1: " + n200);
        }
        if (k < 1 || k > 127) {
            throw new IllegalArgumentException("k must be 1..127 in modulo-128 operation: " + k);
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException("maxQueued must be at least 1: " + maxQueued);
        }
    }

    /** A copy with {@code autoEstablish} changed, e.g. for a passive NETWORK simulator. */
    public LapdSettings withAutoEstablish(boolean value) {
        return new LapdSettings(t200, n200, t203, k, value, reestablishDelay, maxQueued);
    }

    /** A copy with {@code maxQueued} changed. */
    public LapdSettings withMaxQueued(int value) {
        return new LapdSettings(t200, n200, t203, k, autoEstablish, reestablishDelay, value);
    }

    private static void requirePositive(String what, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
