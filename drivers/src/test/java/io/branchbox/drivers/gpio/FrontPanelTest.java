package io.branchbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrontPanelTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Context context = GpioPlatform.mockContext();
    private final FrontPanel panel = new FrontPanel(context, PinMap.defaults(), scheduler);

    @AfterEach
    void shutdown() {
        context.shutdown();
    }

    @ParameterizedTest(name = "{0} toggles {1} times a second")
    @CsvSource({"OFF, 0", "ON, 0", "BLINK_1HZ, 2", "BLINK_2HZ, 4", "BLINK_4HZ, 8"})
    void blinkRateCountedInToggles(LedMode mode, int togglesPerSecond) {
        for (FrontPanel.Led led : FrontPanel.Led.values()) {
            panel.set(led, mode);
            scheduler.runPending();
            AtomicInteger toggles = countToggles(led);

            scheduler.advance(Duration.ofSeconds(1));

            assertEquals(togglesPerSecond, toggles.get(), led + " " + mode);
            assertEquals(mode, panel.mode(led));
        }
    }

    @Test
    void namedSettersDriveTheDatasheetPins() {
        panel.setPower(LedMode.ON);
        panel.setTrunk(LedMode.ON);
        panel.setUplink(LedMode.OFF);
        panel.setRecording(LedMode.ON);
        scheduler.runPending();

        assertTrue(output("led-pwr").isHigh());
        assertEquals(5, output("led-pwr").address().intValue());
        assertTrue(output("led-trunk").isHigh());
        assertEquals(6, output("led-trunk").address().intValue());
        assertTrue(output("led-uplink").isLow());
        assertEquals(13, output("led-uplink").address().intValue());
        assertTrue(output("led-rec").isHigh());
        assertEquals(19, output("led-rec").address().intValue());
    }

    @Test
    void steadyModeAfterBlinkStopsTheBlinkTimer() {
        panel.setTrunk(LedMode.BLINK_2HZ);
        scheduler.advance(Duration.ofMillis(300));
        panel.setTrunk(LedMode.ON);
        scheduler.runPending();
        AtomicInteger toggles = countToggles(FrontPanel.Led.TRUNK);

        scheduler.advance(Duration.ofSeconds(2));

        assertEquals(0, toggles.get());
        assertTrue(output("led-trunk").isHigh());
        assertEquals(0, scheduler.pendingCount());
    }

    @Test
    void repeatingTheSameBlinkModeKeepsThePhase() {
        panel.setUplink(LedMode.BLINK_1HZ);
        scheduler.runPending();
        AtomicInteger toggles = countToggles(FrontPanel.Led.UPLINK);

        for (int i = 0; i < 10; i++) {
            scheduler.advance(Duration.ofMillis(100));
            panel.setUplink(LedMode.BLINK_1HZ);
        }

        assertEquals(2, toggles.get());
    }

    private AtomicInteger countToggles(FrontPanel.Led led) {
        AtomicInteger n = new AtomicInteger();
        output(switch (led) {
            case POWER -> "led-pwr";
            case TRUNK -> "led-trunk";
            case UPLINK -> "led-uplink";
            case RECORDING -> "led-rec";
        }).addListener(e -> n.incrementAndGet());
        return n;
    }

    private DigitalOutput output(String id) {
        return context.io(id, DigitalOutput.class);
    }
}
