package io.branchbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ButtonDebouncerTest {
    private static final int ALL_RELEASED = 0xFF;
    private static final int PIN0_PRESSED = 0xFE;

    @Test
    void aPressCountsOnlyAfter25MsStable() {
        ButtonDebouncer d = new ButtonDebouncer(ALL_RELEASED);
        d.sample(PIN0_PRESSED, 100);
        assertEquals(125, d.nextDeadline());
        assertEquals(0, d.settle(124));
        assertEquals(0b1, d.settle(125));
        assertEquals(-1, d.nextDeadline());
    }

    @Test
    void bounceRestartsTheSettleTime() {
        ButtonDebouncer d = new ButtonDebouncer(ALL_RELEASED);
        d.sample(PIN0_PRESSED, 0);
        d.sample(ALL_RELEASED, 3);
        d.sample(PIN0_PRESSED, 12);
        assertEquals(0, d.settle(30));
        assertEquals(37, d.nextDeadline());
        assertEquals(0b1, d.settle(37));
    }

    @Test
    void aReleaseIsAcceptedButNotReported() {
        ButtonDebouncer d = new ButtonDebouncer(PIN0_PRESSED);
        d.sample(ALL_RELEASED, 0);
        assertEquals(0, d.settle(25));
        assertEquals(ALL_RELEASED, d.stable());
    }

    @Test
    void aGlitchThatReturnsToTheStableLevelReportsNothing() {
        ButtonDebouncer d = new ButtonDebouncer(ALL_RELEASED);
        d.sample(PIN0_PRESSED, 0);
        d.sample(ALL_RELEASED, 5);
        assertEquals(-1, d.nextDeadline());
        assertEquals(0, d.settle(100));
    }
}
