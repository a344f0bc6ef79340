package io.branchbox.drivers.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.branchbox.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' seat panels: two buttons and two LEDs per seat on MCP23017 expanders over Pi4J I2C
 * (CB-1 host interface section 6, "Seat panels").
 *
 * <p>{@link #start()} writes the datasheet's register set-up to every expander. When an expander's
 * INT line falls, its port A is read (clearing the interrupt) and the buttons are debounced: a
 * level counts once stable for 25 ms, since buttons bounce for up to 20 ms. Each press (not
 * release) becomes one {@link SeatListener} call with the seat number 1..8.
 * {@link #setLeds} keeps a shadow of OLATB per expander and writes it once per actual change.
 *
 * <p>I2C failures never reach the caller: the expander is marked failed in {@link #status()} with
 * the reason, logged, and set up again on its next use or after {@link SeatExpanderDriver#RETRY}.
 *
 * <p>Threading: all expander state is owned by the scheduler thread. Pi4J calls the INT listener
 * on its own thread; that listener only posts to the scheduler with {@link Scheduler#execute}.
 * {@link #start()} and {@link #setLeds} may be called from any thread and hop the same way, so
 * their effect is visible once the scheduler has run them. {@link #status()} is safe anywhere.
 */
public final class SeatPanels {
    private static final Logger log = LoggerFactory.getLogger(SeatPanels.class);

    private final PinMap pins;
    private final Scheduler scheduler;
    private final SeatListener listener;
    private final List<SeatExpanderDriver> expanders = new ArrayList<>();

    public SeatPanels(Context context, PinMap pins, Scheduler scheduler, SeatListener listener) {
        this.pins = pins;
        this.scheduler = scheduler;
        this.listener = listener;
        for (int i = 0; i < pins.seatExpanders().size(); i++) {
            PinMap.SeatExpander cfg = pins.seatExpanders().get(i);
            int firstSeat = i * pins.seatsPerExpander() + 1;
            SeatExpanderDriver driver = new SeatExpanderDriver(context, cfg, scheduler, pressed -> dispatch(firstSeat, pressed));
            expanders.add(driver);
            // no GPIO-level debounce: INT is a clean chip output, and a filter could swallow the
            // next fall that follows our clearing read within the filter window
            DigitalInput intLine = Pins.pulledUpInput(context,
                    "seat-int-0x" + Integer.toHexString(cfg.address()), cfg.intPin(), 0);
            intLine.addListener(e -> {
                if (e.state() == DigitalState.LOW) {
                    scheduler.execute(driver::onInterrupt);
                }
            });
        }
    }

    /** Sets every expander up (on the scheduler thread). */
    public void start() {
        scheduler.execute(() -> expanders.forEach(SeatExpanderDriver::ensureReady));
    }

    /** Cancels debounce and retry timers; the LEDs keep their last state. */
    public void stop() {
        scheduler.execute(() -> expanders.forEach(SeatExpanderDriver::stop));
    }

    /**
     * Sets seat {@code seat}'s green READY and red CALL LEDs. Safe from any thread.
     *
     * @throws IllegalArgumentException if {@code seat} is not 1..{@link PinMap#seatCount()}
     */
    public void setLeds(int seat, boolean ready, boolean call) {
        if (seat < 1 || seat > pins.seatCount()) {
            throw new IllegalArgumentException("seat must be 1.." + pins.seatCount() + ": " + seat);
        }
        int index = (seat - 1) / pins.seatsPerExpander();
        int s = (seat - 1) % pins.seatsPerExpander();
        scheduler.execute(() -> expanders.get(index).setLeds(s, ready, call));
    }

    /** One entry per expander, in configuration order. */
    public List<ExpanderStatus> status() {
        return expanders.stream().map(SeatExpanderDriver::status).toList();
    }

    /** Whether every expander is set up and its last I2C operation succeeded. */
    public boolean healthy() {
        return expanders.stream().allMatch(e -> e.status().ok());
    }

    private void dispatch(int firstSeat, int pressedPins) {
        for (int s = 0; s < pins.seatsPerExpander(); s++) {
            int seat = firstSeat + s;
            if ((pressedPins & (1 << (2 * s))) != 0) {
                notify(seat, true);
            }
            if ((pressedPins & (1 << (2 * s + 1))) != 0) {
                notify(seat, false);
            }
        }
    }

    private void notify(int seat, boolean answer) {
        try {
            if (answer) {
                listener.onAnswerButton(seat);
            } else {
                listener.onReadyButton(seat);
            }
        } catch (RuntimeException e) {
            // a failing listener must not stop debouncing of the other seats
            log.error("seat listener failed for seat {} {} button", seat, answer ? "ANSWER" : "READY", e);
        }
    }
}
