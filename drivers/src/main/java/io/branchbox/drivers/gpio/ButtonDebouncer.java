package io.branchbox.drivers.gpio;

/**
 * Debounces the eight button inputs of one expander port: a pin's new level counts once it has
 * been sampled unchanged for {@link #SETTLE_MILLIS} (the buttons bounce for up to 20 ms).
 *
 * <p>Pure logic over sampled port values and millisecond timestamps; the caller samples on every
 * interrupt and calls {@link #settle} at {@link #nextDeadline}. A bit value of 1 is released (pulled
 * up), 0 is pressed. Not thread-safe: owned by one thread.
 */
final class ButtonDebouncer {
    /** Stable time before a level counts: the 20 ms bounce plus margin for sampling latency. */
    static final long SETTLE_MILLIS = 25;

    private int stable;
    private int sampled;
    private final long[] changedAt = new long[8];

    ButtonDebouncer(int levels) {
        reset(levels);
    }

    /** Takes {@code levels} as the stable state without reporting anything (after set-up). */
    void reset(int levels) {
        stable = levels & 0xFF;
        sampled = stable;
    }

    /** Records a raw sample of the port taken at {@code nowMillis}. */
    void sample(int levels, long nowMillis) {
        int changed = (levels ^ sampled) & 0xFF;
        for (int bit = 0; bit < 8; bit++) {
            if ((changed & (1 << bit)) != 0) {
                changedAt[bit] = nowMillis;
            }
        }
        sampled = levels & 0xFF;
    }

    /**
     * Accepts every pin whose sample has been steady long enough; returns the pins that thereby
     * became pressed (a bit per pin), so presses are reported once and releases not at all.
     */
    int settle(long nowMillis) {
        int pending = pending();
        int pressed = 0;
        for (int bit = 0; bit < 8; bit++) {
            int mask = 1 << bit;
            if ((pending & mask) != 0 && nowMillis - changedAt[bit] >= SETTLE_MILLIS) {
                stable = (stable & ~mask) | (sampled & mask);
                if ((sampled & mask) == 0) {
                    pressed |= mask;
                }
            }
        }
        return pressed;
    }

    /** When {@link #settle} has something to decide, or -1 when every pin is stable. */
    long nextDeadline() {
        int pending = pending();
        long next = -1;
        for (int bit = 0; bit < 8; bit++) {
            if ((pending & (1 << bit)) != 0) {
                long due = changedAt[bit] + SETTLE_MILLIS;
                next = next < 0 ? due : Math.min(next, due);
            }
        }
        return next;
    }

    /** The debounced levels. */
    int stable() {
        return stable;
    }

    private int pending() {
        return (sampled ^ stable) & 0xFF;
    }
}
