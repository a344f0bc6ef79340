package io.branchbox.drivers.cb1.link;

import java.time.Duration;

/**
 * The board's hardware reset input (GPIO17, BOARD_RESET, active low on the default board).
 *
 * <p>Threading: called on the board link's scheduler thread; the pulse may block for its own
 * duration (tens of milliseconds) but no longer.
 */
@FunctionalInterface
public interface ResetLine {

    /** Holds the board in reset for {@code d} (at least 10 ms per the datasheet), then releases it. */
    void pulse(Duration d);
}
