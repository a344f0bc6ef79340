package io.branchbox.drivers.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FACTORY button (input, pull-up, active low): held continuously for {@link #HOLD} it asks for
 * a factory reset, once per hold.
 *
 * <p>A button already held when this object is created is ignored until it has been seen
 * released: a stuck button or a line that reads low at boot must not wipe the box.
 *
 * <p>Threading: Pi4J's listener thread only posts to the {@link Scheduler}; all state and the
 * callback run on the scheduler thread. The hold is timed by the scheduler, so bounce shorter
 * than a scheduler tick at the start or end of a hold is harmless, but any release during the 10 s
 * restarts the count.
 */
public final class FactoryButton {
    private static final Logger log = LoggerFactory.getLogger(FactoryButton.class);

    /** How long the button must be held. */
    public static final Duration HOLD = Duration.ofSeconds(10);

    private final Scheduler scheduler;
    private final DigitalInput input;
    private final Runnable onFactoryReset;
    private Scheduler.Timer hold = Scheduler.Timer.NONE;
    private boolean armed;

    /** {@code onFactoryReset} runs on the scheduler thread. */
    public FactoryButton(Context context, PinMap pins, Scheduler scheduler, Runnable onFactoryReset) {
        this(Pins.pulledUpInput(context, "factory-button", pins.factoryButton()), scheduler, onFactoryReset);
    }

    FactoryButton(DigitalInput input, Scheduler scheduler, Runnable onFactoryReset) {
        this.scheduler = scheduler;
        this.onFactoryReset = onFactoryReset;
        this.input = input;
        this.armed = !pressed();
        if (!armed) {
            log.warn("FACTORY button held at start-up; ignored until released");
        }
        input.addListener(e -> scheduler.execute(this::levelMayHaveChanged));
    }

    private boolean pressed() {
        return input.state() == DigitalState.LOW;
    }

    private void levelMayHaveChanged() {
        if (!pressed()) {
            armed = true;
            hold.cancel();
            hold = Scheduler.Timer.NONE;
            return;
        }
        if (armed && !hold.isPending()) {
            hold = scheduler.schedule(HOLD, this::held);
        }
    }

    private void held() {
        hold = Scheduler.Timer.NONE;
        if (!pressed()) {
            return;
        }
        // disarm so one long hold fires once; the next press needs a release first
        armed = false;
        log.warn("FACTORY button held {} s: factory reset requested", HOLD.toSeconds());
        onFactoryReset.run();
    }
}
