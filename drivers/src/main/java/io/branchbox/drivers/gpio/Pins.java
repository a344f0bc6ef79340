package io.branchbox.drivers.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;

/** Creates the Pi4J lines the drivers use, with the box's conventions in one place. */
final class Pins {
    private Pins() {}

    /**
     * A pulled-up, active-low input. On Pi4J's mock platform an input starts LOW, which would read
     * as "button held" or "board seated"; a pulled-up line with nothing pulling it down is HIGH, so
     * the mock is set to that idle level.
     */
    static DigitalInput pulledUpInput(Context context, String id, int bcm) {
        return pulledUpInput(context, id, bcm, DigitalInput.DEFAULT_DEBOUNCE);
    }

    /**
     * As {@link #pulledUpInput(Context, String, int)} with Pi4J's edge filter set to
     * {@code debounceMicros}; 0 for a clean chip output whose every edge matters.
     */
    static DigitalInput pulledUpInput(Context context, String id, int bcm, long debounceMicros) {
        DigitalInput in = context.create(DigitalInput.newConfigBuilder(context)
                .id(id)
                .name(id)
                .address(bcm)
                .pull(PullResistance.PULL_UP)
                .debounce(debounceMicros)
                .build());
        if (in instanceof MockDigitalInput mock) {
            mock.mockState(DigitalState.HIGH);
        }
        return in;
    }

    /** An output that starts at, and is left at on shutdown, {@code idle}. */
    static DigitalOutput output(Context context, String id, int bcm, DigitalState idle) {
        return context.create(DigitalOutput.newConfigBuilder(context)
                .id(id)
                .name(id)
                .address(bcm)
                .initial(idle)
                .shutdown(idle)
                .build());
    }
}
