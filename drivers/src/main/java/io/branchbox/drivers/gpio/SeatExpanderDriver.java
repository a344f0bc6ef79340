package io.branchbox.drivers.gpio;

import static io.branchbox.drivers.gpio.Mcp23017Registers.*;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP23017 of the seat panels: set-up, interrupt service, debouncing and the OLATB shadow.
 *
 * <p>Runs on the scheduler thread only ({@link SeatPanels} hops there). Every I2C failure is an
 * {@link ExpanderIoException} caught in {@link #guarded}: it marks the expander not ready, so the
 * next use (interrupt, LED change or the retry timer) sets it up again from scratch, including
 * the LED shadow.
 */
final class SeatExpanderDriver {
    private static final Logger log = LoggerFactory.getLogger(SeatExpanderDriver.class);
    static final Duration RETRY = Duration.ofSeconds(5);

    private final Context context;
    private final PinMap.SeatExpander config;
    private final Scheduler scheduler;
    private final IntConsumer onPressedPins;
    private final ButtonDebouncer debouncer = new ButtonDebouncer(0xFF);
    private I2C i2c;
    private boolean ready;
    private int olatb;
    private Scheduler.Timer settle = Scheduler.Timer.NONE;
    private Scheduler.Timer retry = Scheduler.Timer.NONE;
    private volatile ExpanderStatus status;
    private long errors;

    /** {@code onPressedPins} gets a bit per port-A pin newly pressed (debounced). */
    SeatExpanderDriver(Context context, PinMap.SeatExpander config, Scheduler scheduler, IntConsumer onPressedPins) {
        this.context = context;
        this.config = config;
        this.scheduler = scheduler;
        this.onPressedPins = onPressedPins;
        this.status = new ExpanderStatus(config.i2cBus(), config.address(), false, "not set up yet", 0);
    }

    ExpanderStatus status() {
        return status;
    }

    /** Sets the chip up if it is not; true when it is ready afterwards. */
    boolean ensureReady() {
        if (!ready) {
            guarded("set-up", this::setUp);
        }
        return ready;
    }

    /** The INT line fell: read the port, which also clears the interrupt. */
    void onInterrupt() {
        if (ensureReady()) {
            guarded("interrupt read", this::sampleAndSchedule);
        }
    }

    /** Sets the two LED bits of seat {@code s} (0-based within this expander). */
    void setLeds(int s, boolean readyLed, boolean callLed) {
        int mask = 0b11 << (2 * s);
        int bits = (readyLed ? 1 : 0) << (2 * s) | (callLed ? 1 : 0) << (2 * s + 1);
        int next = (olatb & ~mask) | bits;
        if (next == olatb) {
            return;
        }
        olatb = next;
        if (!ready) {
            // set-up writes OLATB from the shadow, so this change needs no write of its own
            ensureReady();
            return;
        }
        guarded("LED write", () -> write(OLATB, olatb));
    }

    private void retrySetUp() {
        // cleared first so a failed retry can schedule the next one
        retry = Scheduler.Timer.NONE;
        ensureReady();
    }

    void stop() {
        settle.cancel();
        retry.cancel();
    }

    private void setUp() {
        if (i2c == null) {
            i2c = open();
        }
        write(IOCON, IOCON_SETUP);
        write(IODIRA, IODIRA_SETUP);
        write(GPPUA, GPPUA_SETUP);
        write(IPOLA, IPOLA_SETUP);
        write(INTCONA, INTCONA_SETUP);
        // LEDs get their level before port B becomes an output, so they never flash at set-up
        write(OLATB, olatb);
        write(IODIRB, IODIRB_SETUP);
        write(GPINTENA, GPINTENA_SETUP);
        // a button held across set-up is taken as the starting level, not reported as a press
        debouncer.reset(read(GPIOA));
        ready = true;
        retry.cancel();
        log.info("seat expander 0x{} on bus {} set up", Integer.toHexString(config.address()), config.i2cBus());
        status = new ExpanderStatus(config.i2cBus(), config.address(), true, "", errors);
    }

    private I2C open() {
        String id = "seat-expander-" + config.i2cBus() + "-0x" + Integer.toHexString(config.address());
        try {
            return context.create(I2C.newConfigBuilder(context)
                    .id(id)
                    .name(id)
                    .bus(config.i2cBus())
                    .device(config.address())
                    .build());
        } catch (RuntimeException e) {
            throw new ExpanderIoException("open", 0, e);
        }
    }

    private void sampleAndSchedule() {
        debouncer.sample(read(GPIOA), scheduler.nowMillis());
        scheduleSettle();
    }

    private void onSettle() {
        // cleared first: on ExecutorScheduler the running timer still reports itself pending
        settle = Scheduler.Timer.NONE;
        guarded("debounce read", () -> {
            debouncer.sample(read(GPIOA), scheduler.nowMillis());
            int pressed = debouncer.settle(scheduler.nowMillis());
            if (pressed != 0) {
                onPressedPins.accept(pressed);
            }
            scheduleSettle();
        });
    }

    private void scheduleSettle() {
        long due = debouncer.nextDeadline();
        if (due < 0 || settle.isPending()) {
            return;
        }
        long delay = Math.max(0, due - scheduler.nowMillis());
        settle = scheduler.schedule(Duration.ofMillis(delay), this::onSettle);
    }

    private int read(int register) {
        int value;
        try {
            value = i2c.readRegister(register);
        } catch (RuntimeException e) {
            throw new ExpanderIoException("read", register, e);
        }
        if (value < 0) {
            throw new ExpanderIoException("read", register, value);
        }
        return value & 0xFF;
    }

    private void write(int register, int value) {
        int result;
        try {
            result = i2c.writeRegister(register, (byte) value);
        } catch (RuntimeException e) {
            throw new ExpanderIoException("write", register, e);
        }
        if (result < 0) {
            throw new ExpanderIoException("write", register, result);
        }
    }

    /** The one place expander I2C failures are caught. */
    private void guarded(String operation, Runnable io) {
        try {
            io.run();
        } catch (ExpanderIoException e) {
            errors++;
            ready = false;
            String reason = operation + " failed: " + e.getMessage();
            if (status.ok() || !status.reason().equals(reason)) {
                log.warn("seat expander 0x{}: {}", Integer.toHexString(config.address()), reason);
            }
            status = new ExpanderStatus(config.i2cBus(), config.address(), false, reason, errors);
            if (!retry.isPending()) {
                retry = scheduler.schedule(RETRY, this::retrySetUp);
            }
        }
    }
}
