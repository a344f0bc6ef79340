package io.branchbox.rig.panel;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.branchbox.drivers.gpio.PinMap;
import io.branchbox.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * A Pi4J context with the seat-panel hardware simulated: one {@link Mcp23017Simulator} per
 * expander of the {@link PinMap}, reachable over Pi4J I2C at its bus and address, its INT output
 * wired to the mock input on the map's INT pin. Every other line is Pi4J's plain mock.
 *
 * <p>Give {@link #context()} to the drivers ({@code SeatPanels}, {@code FrontPanel}, ...) and press
 * buttons through {@link #panel}. Close the rig to shut the context down.
 */
public final class PanelRig implements AutoCloseable {
    private final PinMap pins;
    private final Context context;
    private final List<Mcp23017Simulator> expanders = new ArrayList<>();

    private PanelRig(PinMap pins) {
        this.pins = pins;
        SimulatedI2CProvider i2c = new SimulatedI2CProvider();
        WiredDigitalInputProvider inputs = new WiredDigitalInputProvider();
        for (PinMap.SeatExpander cfg : pins.seatExpanders()) {
            Mcp23017Simulator chip = new Mcp23017Simulator(cfg.address());
            i2c.attach(cfg.i2cBus(), chip);
            inputs.wire(cfg.intPin(), chip::connectInt);
            expanders.add(chip);
        }
        this.context = Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(inputs, MockDigitalOutputProvider.newInstance(), i2c)
                .build();
    }

    public static PanelRig create(PinMap pins) {
        return new PanelRig(pins);
    }

    public Context context() {
        return context;
    }

    /** The simulated expanders in the map's order (seats 1-4 on the first, 5-8 on the second). */
    public List<Mcp23017Simulator> expanders() {
        return List.copyOf(expanders);
    }

    /** The agents' side of the panels; {@code scheduler} times bouncing presses. */
    public SimulatedSeatPanel panel(Scheduler scheduler) {
        return new SimulatedSeatPanel(pins, expanders, scheduler);
    }

    @Override
    public void close() {
        context.shutdown();
    }
}
