package io.branchbox.firmware.trunk;

import io.branchbox.firmware.isdn.q931.Q931Timers;

/**
 * How one PRI span runs its layer 3, from the span's entry in the configuration document.
 * Immutable.
 *
 * @param restartOnLinkUp whether the idle B-channels are restarted each time layer 2 comes up
 * @param timers          the Q.931 timers (T316 may be set per span; the rest are the standard's)
 */
public record PriSpanSettings(boolean restartOnLinkUp, Q931Timers timers) {

    /** RESTART at link-up and the standard timers. */
    public static PriSpanSettings defaults() {
        return new PriSpanSettings(true, Q931Timers.defaults());
    }
}
