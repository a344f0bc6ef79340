package io.branchbox.rig.panel;

import io.branchbox.drivers.gpio.PinMap;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The agents' side of the seat panels: press and release buttons, read the LEDs, all by seat
 * number 1..8 and in the datasheet's pin layout, on top of the {@link Mcp23017Simulator}s.
 *
 * <p>Threading: {@link #press}/{@link #release} act at once on the caller's thread; a bouncing
 * press schedules its edges on the given {@link Scheduler}. The simulators are thread-safe.
 */
public final class SimulatedSeatPanel {
    /** Contacts of the panel's buttons bounce for up to this long (datasheet). */
    public static final Duration MAX_BOUNCE = Duration.ofMillis(20);

    private final PinMap pins;
    private final List<Mcp23017Simulator> expanders;
    private final Scheduler scheduler;

    SimulatedSeatPanel(PinMap pins, List<Mcp23017Simulator> expanders, Scheduler scheduler) {
        this.pins = pins;
        this.expanders = List.copyOf(expanders);
        this.scheduler = scheduler;
    }

    public void press(int seat, SeatButton button) {
        chip(seat).pullLowA(button.pin(inExpander(seat)), true);
    }

    public void release(int seat, SeatButton button) {
        chip(seat).pullLowA(button.pin(inExpander(seat)), false);
    }

    /**
     * Presses with contact bounce: an odd number (3 to 9) of edges at distinct random instants
     * within {@link #MAX_BOUNCE}, the first now (pressed), the last leaving the button pressed.
     *
     * @return when, from now, the last edge happens
     */
    public Duration pressWithBounce(int seat, SeatButton button, Random random) {
        int edges = 3 + 2 * random.nextInt(4);
        TreeSet<Integer> instants = new TreeSet<>();
        instants.add(0);
        while (instants.size() < edges) {
            instants.add(1 + random.nextInt((int) MAX_BOUNCE.toMillis() - 1));
        }
        boolean pressed = false;
        int last = 0;
        for (int at : instants) {
            pressed = !pressed;
            boolean level = pressed;
            last = at;
            if (at == 0) {
                chip(seat).pullLowA(button.pin(inExpander(seat)), level);
            } else {
                scheduler.schedule(Duration.ofMillis(at), () -> chip(seat).pullLowA(button.pin(inExpander(seat)), level));
            }
        }
        return Duration.ofMillis(last);
    }

    /** Whether seat {@code seat}'s green READY LED (GPB(2s)) is lit. */
    public boolean readyLed(int seat) {
        return (chip(seat).outputsB() & (1 << (2 * inExpander(seat)))) != 0;
    }

    /** Whether seat {@code seat}'s red CALL LED (GPB(2s+1)) is lit. */
    public boolean callLed(int seat) {
        return (chip(seat).outputsB() & (1 << (2 * inExpander(seat) + 1))) != 0;
    }

    private Mcp23017Simulator chip(int seat) {
        if (seat < 1 || seat > pins.seatCount()) {
            throw new IllegalArgumentException("seat must be 1.." + pins.seatCount() + ": " + seat);
        }
        return expanders.get((seat - 1) / pins.seatsPerExpander());
    }

    private int inExpander(int seat) {
        return (seat - 1) % pins.seatsPerExpander();
    }
}
