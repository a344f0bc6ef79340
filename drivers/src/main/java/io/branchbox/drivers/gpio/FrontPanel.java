package io.branchbox.drivers.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.branchbox.time.Scheduler;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four front-panel LEDs (PWR, TRUNK, UPLINK, REC). Services decide a {@link LedMode} with
 * {@link LedModes} and set it here; blinking is timed by the injected {@link Scheduler}, this class
 * has no thread of its own.
 *
 * <p>Threading: the setters may be called from any thread; they hand the change to the scheduler
 * thread with {@link Scheduler#execute}, which owns all LED state. {@link #mode} reads that state
 * and is meant for the scheduler thread (and tests driving a ManualScheduler).
 *
 * <p>Setting the mode an LED already has changes nothing, so a service that republishes its state
 * every second does not restart (and visibly stutter) a blink.
 *
 * <p>A failing GPIO write is logged once per LED until a write succeeds again, and counted
 * ({@link #writeFailures()}); it never reaches the caller.
 */
public final class FrontPanel {
    private static final Logger log = LoggerFactory.getLogger(FrontPanel.class);

    /** The LEDs, in datasheet order. */
    public enum Led { POWER, TRUNK, UPLINK, RECORDING }

    private final Scheduler scheduler;
    private final Map<Led, LedLine> lines = new EnumMap<>(Led.class);
    private volatile long writeFailures;

    public FrontPanel(Context context, PinMap pins, Scheduler scheduler) {
        this.scheduler = scheduler;
        lines.put(Led.POWER, new LedLine(Led.POWER, Pins.output(context, "led-pwr", pins.pwrLed(), DigitalState.LOW)));
        lines.put(Led.TRUNK, new LedLine(Led.TRUNK, Pins.output(context, "led-trunk", pins.trunkLed(), DigitalState.LOW)));
        lines.put(Led.UPLINK, new LedLine(Led.UPLINK, Pins.output(context, "led-uplink", pins.uplinkLed(), DigitalState.LOW)));
        lines.put(Led.RECORDING, new LedLine(Led.RECORDING, Pins.output(context, "led-rec", pins.recLed(), DigitalState.LOW)));
    }

    public void setPower(LedMode mode) {
        set(Led.POWER, mode);
    }

    public void setTrunk(LedMode mode) {
        set(Led.TRUNK, mode);
    }

    public void setUplink(LedMode mode) {
        set(Led.UPLINK, mode);
    }

    public void setRecording(LedMode mode) {
        set(Led.RECORDING, mode);
    }

    /** Sets any LED; the named setters are shorthands. Safe from any thread. */
    public void set(Led led, LedMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        scheduler.execute(() -> lines.get(led).apply(mode));
    }

    /** The mode last applied on the scheduler thread. */
    public LedMode mode(Led led) {
        return lines.get(led).mode;
    }

    /** GPIO writes that failed since start. */
    public long writeFailures() {
        return writeFailures;
    }

    /** One LED: its mode and its blink timer. Touched on the scheduler thread only. */
    private final class LedLine {
        private final Led led;
        private final DigitalOutput out;
        private LedMode mode = LedMode.OFF;
        private Scheduler.Timer blink = Scheduler.Timer.NONE;
        private boolean lit;
        private boolean failing;

        LedLine(Led led, DigitalOutput out) {
            this.led = led;
            this.out = out;
        }

        void apply(LedMode next) {
            if (next == mode) {
                return;
            }
            mode = next;
            blink.cancel();
            blink = Scheduler.Timer.NONE;
            // a blink starts lit so the change is visible at once
            drive(next != LedMode.OFF);
            if (next.blinks()) {
                blink = scheduler.scheduleAtFixedRate(next.halfPeriod(), next.halfPeriod(), () -> drive(!lit));
            }
        }

        private void drive(boolean on) {
            lit = on;
            try {
                out.state(on ? DigitalState.HIGH : DigitalState.LOW);
                if (failing) {
                    log.info("{} LED writable again", led);
                    failing = false;
                }
            } catch (RuntimeException e) {
                // Pi4J reports GPIO failures as unchecked exceptions; an LED is not worth stopping the scheduler for
                writeFailures++;
                if (!failing) {
                    log.warn("{} LED write failed: {}", led, e.toString());
                    failing = true;
                }
            }
        }
    }
}
