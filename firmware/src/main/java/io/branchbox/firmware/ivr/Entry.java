package io.branchbox.firmware.ivr;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Instant;

/**
 * How an incoming call enters call handling, as decided by {@link IvrRouting}. Every entry carries
 * the caller's base priority (0 for everybody, 1..9 for the IVR's priority callers); the
 * greeting prompt is played before a {@link Menu} or {@link Queue} entry, never before
 * {@link Night}.
 */
public sealed interface Entry {

    /** The caller's priority before any IVR step raises it: 0..9, higher served first. */
    int priority();

    /**
     * Outside business hours: the night service. {@code opensAt} is when callers are served next
     * (the time a night callback is booked for); it is the call's own time if the calendar never
     * opens (see {@link BusinessCalendar#nextOpening}).
     */
    record Night(BoxConfig.NightService service, Instant opensAt, int priority) implements Entry {}

    /** Greeting, then the IVR from {@code menu}; run it with an {@link IvrSession}. */
    record Menu(String menu, int priority) implements Entry {}

    /** Greeting, then straight into {@code queue}: the dialled number's queue, else the default queue. */
    record Queue(String queue, int priority) implements Entry {}
}
