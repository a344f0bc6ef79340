package io.branchbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SeatPanels on Pi4J's plain mock I2C (the GPIO fallback), which has no expander behind it: the
 * driver must report that and keep going, not throw. The register-level behaviour is tested
 * against the MCP23017 simulator in the test rig.
 */
class SeatPanelsOnMockPlatformTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Context context = GpioPlatform.mockContext();
    private final SeatPanels panels = new SeatPanels(context, PinMap.defaults(), scheduler, new SeatListener() {
        @Override
        public void onAnswerButton(int seat) {}

        @Override
        public void onReadyButton(int seat) {}
    });

    @AfterEach
    void shutdown() {
        context.shutdown();
    }

    @Test
    void beforeStartEveryExpanderIsReportedNotSetUp() {
        assertEquals(2, panels.status().size());
        assertEquals("not set up yet", panels.status().get(0).reason());
    }

    @Test
    void anExpanderThatDoesNotAnswerIsAStatusNotAnException() {
        panels.start();
        panels.setLeds(1, true, true);
        scheduler.advance(Duration.ofSeconds(11));

        assertFalse(panels.healthy());
        ExpanderStatus s = panels.status().get(0);
        assertEquals(0x20, s.address());
        assertTrue(s.reason().startsWith("set-up failed: read register 0x12"), s.reason());
        assertTrue(s.errors() >= 3, "retried every 5 s: " + s.errors());
    }

    @Test
    void aSeatOutsideTheMapIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> panels.setLeds(9, true, false));
        assertThrows(IllegalArgumentException.class, () -> panels.setLeds(0, true, false));
    }
}
