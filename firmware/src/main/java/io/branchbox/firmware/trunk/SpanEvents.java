package io.branchbox.firmware.trunk;

import io.branchbox.firmware.isdn.q931.Refusal;
import io.branchbox.firmware.isdn.q931.RestartEvent;

/**
 * What a {@link PriSpan} reports besides calls: the callers it refused and the restart events a
 * technician must see. The runtime journals them. Called on the signalling thread; must not block.
 */
public interface SpanEvents {
    /** Nothing is reported (tests and benchmarks that do not care). */
    SpanEvents NONE = new SpanEvents() { };

    /** The span refused a network SETUP: an offered caller lost at the door. */
    default void onRefused(int span, Refusal refusal) {}

    /** A restart event on the span's D-channel (alarm condition, bad RESTART traffic answered). */
    default void onRestartEvent(int span, RestartEvent event) {}
}
