package io.branchbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpioPlatformTest {

    @Test
    void withoutGpioChipFallsBackToTheMockPlatformAndSaysSo(@TempDir Path dev) {
        try (GpioPlatform p = GpioPlatform.open(dev, () -> fail("hardware must not be tried without a gpiochip"))) {
            assertTrue(p.simulated());
            assertTrue(p.fallbackReason().orElseThrow().contains("no gpiochip"));
            // the mock context is usable: the front panel can be built on it
            new FrontPanel(p.context(), PinMap.defaults(), new io.branchbox.time.ManualScheduler());
            assertTrue(p.context().hasIO("led-pwr"));
        }
    }

    @Test
    void failingHardwareProvidersFallBackToTheMockPlatform(@TempDir Path dev) throws Exception {
        Files.createFile(dev.resolve("gpiochip0"));
        try (GpioPlatform p = GpioPlatform.open(dev, () -> {
            throw new UnsatisfiedLinkError("libgpiod not found");
        })) {
            assertTrue(p.simulated());
            assertTrue(p.fallbackReason().orElseThrow().contains("libgpiod not found"));
        }
    }

    @Test
    void withGpioChipTheHardwareContextIsUsed(@TempDir Path dev) throws Exception {
        Files.createFile(dev.resolve("gpiochip0"));
        Context hardware = GpioPlatform.mockContext();
        try (GpioPlatform p = GpioPlatform.open(dev, () -> hardware)) {
            assertFalse(p.simulated());
            assertSame(hardware, p.context());
            assertTrue(p.fallbackReason().isEmpty());
        }
    }

    @Test
    void anExplicitContextIsUsedAsGiven() {
        Context context = GpioPlatform.mockContext();
        try (GpioPlatform p = GpioPlatform.of(context)) {
            assertSame(context, p.context());
            assertFalse(p.simulated());
            DigitalOutput out = context.create(DigitalOutput.newConfigBuilder(context).id("x").address(4).build());
            assertEquals(4, out.address().intValue());
        }
    }
}
