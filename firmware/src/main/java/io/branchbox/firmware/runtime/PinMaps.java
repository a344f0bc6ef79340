package io.branchbox.firmware.runtime;

import io.branchbox.drivers.gpio.PinMap;
import io.branchbox.firmware.config.BoxConfig;

/** The configuration document's pin section as the GPIO drivers take it. */
final class PinMaps {
    private PinMaps() {}

    static PinMap from(BoxConfig.Pins p) {
        return new PinMap(p.boardReset(), p.boardPresent(), p.pwrLed(), p.trunkLed(), p.uplinkLed(), p.recLed(),
                p.factoryButton(),
                p.seatExpanders().stream().map(x -> new PinMap.SeatExpander(p.i2cBus(), x.address(), x.intPin())).toList(),
                PinMap.MAX_SEATS_PER_EXPANDER);
    }
}
