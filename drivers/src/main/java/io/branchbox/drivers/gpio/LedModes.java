package io.branchbox.drivers.gpio;

/**
 * The datasheet's LED meanings (CB-1 host interface section 6) as pure functions from domain state
 * to {@link LedMode}, so they are decided and tested in one place and services only report state.
 *
 * <p>Stateless; callable from any thread.
 */
public final class LedModes {
    private LedModes() {}

    /** PWR: on while running, 1 Hz blink while starting or updating. */
    public static LedMode power(boolean starting, boolean updating) {
        return starting || updating ? LedMode.BLINK_1HZ : LedMode.ON;
    }

    /**
     * TRUNK: off with no span configured, on with every configured span up, 2 Hz blink on any alarm.
     *
     * <p>The datasheet does not name the case "configured, not all up, no alarm reported" (a span
     * still coming up); it blinks too, because a span that is not carrying calls needs the
     * installer's eye as much as an alarm does.
     */
    public static LedMode trunk(boolean anyConfigured, boolean allUp, boolean anyAlarm) {
        if (!anyConfigured) {
            return LedMode.OFF;
        }
        return allUp && !anyAlarm ? LedMode.ON : LedMode.BLINK_2HZ;
    }

    /**
     * UPLINK: on while connected to the central office, 1 Hz blink while connecting or while
     * reports are held unsent (even when connected: held reports mean the office is behind), off
     * when neither connected nor trying.
     */
    public static LedMode uplink(boolean connected, boolean connecting, boolean holdingUnsentReports) {
        if (connecting || holdingUnsentReports) {
            return LedMode.BLINK_1HZ;
        }
        return connected ? LedMode.ON : LedMode.OFF;
    }

    /**
     * REC: on while recording is healthy, 4 Hz blink on a recording fault or storage nearly full,
     * off when recording is not enabled at all.
     */
    public static LedMode recording(boolean enabled, boolean fault, boolean storageNearlyFull) {
        if (fault || storageNearlyFull) {
            return LedMode.BLINK_4HZ;
        }
        return enabled ? LedMode.ON : LedMode.OFF;
    }
}
