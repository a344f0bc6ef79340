package io.branchbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LedModesTest {

    @Test
    void powerIsOnWhileRunningAndBlinks1HzWhileStartingOrUpdating() {
        assertEquals(LedMode.ON, LedModes.power(false, false));
        assertEquals(LedMode.BLINK_1HZ, LedModes.power(true, false));
        assertEquals(LedMode.BLINK_1HZ, LedModes.power(false, true));
    }

    @Test
    void trunkIsOffWithoutSpansOnWhenAllUpAndBlinks2HzOnAlarm() {
        assertEquals(LedMode.OFF, LedModes.trunk(false, false, false));
        assertEquals(LedMode.OFF, LedModes.trunk(false, true, true));
        assertEquals(LedMode.ON, LedModes.trunk(true, true, false));
        assertEquals(LedMode.BLINK_2HZ, LedModes.trunk(true, false, true));
        assertEquals(LedMode.BLINK_2HZ, LedModes.trunk(true, true, true));
    }

    @Test
    void trunkConfiguredButNotAllUpWithoutAlarmBlinks() {
        assertEquals(LedMode.BLINK_2HZ, LedModes.trunk(true, false, false));
    }

    @Test
    void uplinkIsOnConnectedAndBlinks1HzConnectingOrHoldingReports() {
        assertEquals(LedMode.OFF, LedModes.uplink(false, false, false));
        assertEquals(LedMode.ON, LedModes.uplink(true, false, false));
        assertEquals(LedMode.BLINK_1HZ, LedModes.uplink(false, true, false));
        assertEquals(LedMode.BLINK_1HZ, LedModes.uplink(true, false, true));
        assertEquals(LedMode.BLINK_1HZ, LedModes.uplink(false, false, true));
    }

    @Test
    void recordingIsOnHealthyAndBlinks4HzOnFaultOrStorageNearlyFull() {
        assertEquals(LedMode.OFF, LedModes.recording(false, false, false));
        assertEquals(LedMode.ON, LedModes.recording(true, false, false));
        assertEquals(LedMode.BLINK_4HZ, LedModes.recording(true, true, false));
        assertEquals(LedMode.BLINK_4HZ, LedModes.recording(true, false, true));
    }
}
