package io.branchbox.drivers.gpio;

import java.time.Duration;

/**
 * What a front-panel LED shows. A blink rate is the full on+off cycle: {@code BLINK_2HZ} is on
 * 250 ms, off 250 ms.
 */
public enum LedMode {
    OFF(0),
    ON(0),
    BLINK_1HZ(1),
    BLINK_2HZ(2),
    BLINK_4HZ(4);

    private final int hertz;

    LedMode(int hertz) {
        this.hertz = hertz;
    }

    /** Whether the LED toggles on its own. */
    public boolean blinks() {
        return hertz > 0;
    }

    /** Time between two toggles of a blinking mode (half a cycle); zero for steady modes. */
    public Duration halfPeriod() {
        return hertz == 0 ? Duration.ZERO : Duration.ofMillis(500 / hertz);
    }
}
