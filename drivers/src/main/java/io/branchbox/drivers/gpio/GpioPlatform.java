package io.branchbox.drivers.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pi4J {@link Context} the GPIO drivers run on, and whether it is real hardware.
 *
 * <p>{@link #open()} builds a context with the gpiod (digital I/O) and linuxfs (I2C) providers when
 * the machine has a {@code /dev/gpiochip*}; without one, or when those providers fail to start (no
 * native library, no permission), it falls back to Pi4J's mock providers and logs one warning. The
 * fallback is reported by {@link #simulated()} and {@link #fallbackReason()} so the web admin can
 * show it; a box that silently runs on mocks would look healthy with dark LEDs.
 *
 * <p>Tests and the simulator pass their own context to {@link #of(Context)}.
 *
 * <p>Threading: create once at start-up; the getters are safe from any thread. {@link #close()}
 * shuts the context down (outputs go to their configured shutdown level).
 */
public final class GpioPlatform implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GpioPlatform.class);

    static final String FALLBACK_WARNING =
            "no GPIO hardware found; using Pi4J mock platform: LEDs and seat panels are simulated";

    private final Context context;
    private final boolean simulated;
    private final String fallbackReason;

    private GpioPlatform(Context context, boolean simulated, String fallbackReason) {
        this.context = context;
        this.simulated = simulated;
        this.fallbackReason = fallbackReason;
    }

    /** Real hardware when present, otherwise Pi4J's mock platform (see class comment). */
    public static GpioPlatform open() {
        return open(Path.of("/dev"), GpioPlatform::hardwareContext);
    }

    /**
     * As {@link #open()}, with the device directory and the hardware context factory given, so the
     * fallback path can be exercised on any machine.
     */
    public static GpioPlatform open(Path devDir, Supplier<Context> hardware) {
        if (!hasGpioChip(devDir)) {
            return fallback("no gpiochip device in " + devDir);
        }
        try {
            return new GpioPlatform(hardware.get(), false, null);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: the gpiod plugin loads a native library, which may be missing or built for another arch
            log.debug("GPIO provider start-up failed", e);
            return fallback("GPIO providers failed to start: " + e);
        }
    }

    /** Wraps a context built by the caller (tests, simulator); reported as not simulated. */
    public static GpioPlatform of(Context context) {
        return new GpioPlatform(context, false, null);
    }

    /** A context of Pi4J's mock providers only: digital in/out and I2C. */
    public static Context mockContext() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance(),
                        MockI2CProvider.newInstance())
                .build();
    }

    public Context context() {
        return context;
    }

    /** True when the fallback to Pi4J's mock platform was taken. */
    public boolean simulated() {
        return simulated;
    }

    /** Why the mock platform is in use; empty on real hardware. */
    public Optional<String> fallbackReason() {
        return Optional.ofNullable(fallbackReason);
    }

    @Override
    public void close() {
        context.shutdown();
    }

    private static GpioPlatform fallback(String reason) {
        log.warn("{} ({})", FALLBACK_WARNING, reason);
        return new GpioPlatform(mockContext(), true, reason);
    }

    private static Context hardwareContext() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(GpioDDigitalInputProvider.newInstance(),
                        GpioDDigitalOutputProvider.newInstance(),
                        LinuxFsI2CProvider.newInstance())
                .build();
    }

    private static boolean hasGpioChip(Path devDir) {
        if (!Files.isDirectory(devDir)) {
            return false;
        }
        try (DirectoryStream<Path> chips = Files.newDirectoryStream(devDir, "gpiochip*")) {
            return chips.iterator().hasNext();
        } catch (IOException e) {
            log.debug("cannot list {}", devDir, e);
            return false;
        }
    }
}
