package io.branchbox.firmware.isdn.q931;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something about the RESTART procedure (Q.931 5.5) that a technician and the central office must
 * know: the alarm condition of a network that ignores the box's RESTART, and the answers given to
 * bad RESTART traffic. Immutable.
 *
 * @param kind      what happened
 * @param timeslots the channels concerned (may be empty)
 * @param cause     the cause of the STATUS sent back; empty when none was sent
 */
public record RestartEvent(Kind kind, List<Integer> timeslots, Optional<Q850Cause> cause) {

    public RestartEvent {
        timeslots = List.copyOf(timeslots);
        Objects.requireNonNull(cause);
    }

    /** An event about which no STATUS was sent. */
    public RestartEvent(Kind kind, List<Integer> timeslots) {
        this(kind, timeslots, Optional.empty());
    }

    /** An event answered with a STATUS carrying {@code cause}. */
    public RestartEvent(Kind kind, List<Integer> timeslots, Q850Cause cause) {
        this(kind, timeslots, Optional.of(cause));
    }

    /** The kinds of restart events. */
    public enum Kind {
        /** T316 expired after its retries: the channels stay in service, RESTART at link-up stops. */
        UNACKNOWLEDGED,
        /** A RESTART was acknowledged after an {@link #UNACKNOWLEDGED}: the condition is over. */
        ACKNOWLEDGED_AGAIN,
        /** A RESTART link-up restart was not sent (configuration or an earlier unacknowledged one). */
        SKIPPED_AT_LINK_UP,
        /** The network's RESTART named channels that do not exist or was malformed: STATUS sent. */
        INVALID_RESTART,
        /** A RESTART ACKNOWLEDGE named channels that do not exist: STATUS sent, T316 keeps running. */
        INVALID_ACKNOWLEDGE,
        /** A RESTART ACKNOWLEDGE arrived with no RESTART pending: STATUS sent. */
        UNEXPECTED_ACKNOWLEDGE,
        /** A network SETUP took a channel the box was restarting (the SETUP crossed the RESTART). */
        CHANNEL_TAKEN_BY_SETUP
    }
}
