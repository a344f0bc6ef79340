package io.branchbox.rig.panel;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Pi4J's mock digital input provider, plus wiring: a simulated chip registers for a BCM pin and
 * is handed the input when the driver creates it, so the chip can drive it (an INT output wired to
 * a GPIO). Replaces the mock provider (same id) in a {@link PanelRig} context.
 */
public final class WiredDigitalInputProvider extends MockDigitalInputProviderImpl {
    private final Map<Integer, Consumer<MockDigitalInput>> wires = new ConcurrentHashMap<>();

    /** {@code driver} receives the input on BCM pin {@code bcm} whenever one is created. */
    public void wire(int bcm, Consumer<MockDigitalInput> driver) {
        wires.put(bcm, driver);
    }

    @Override
    public DigitalInput create(DigitalInputConfig config) {
        DigitalInput in = super.create(config);
        Consumer<MockDigitalInput> driver = wires.get(config.address());
        if (driver != null && in instanceof MockDigitalInput mock) {
            driver.accept(mock);
        }
        return in;
    }
}
