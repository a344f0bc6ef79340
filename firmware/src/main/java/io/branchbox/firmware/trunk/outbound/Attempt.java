package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import java.time.Instant;
import java.util.Optional;

/**
 * One SETUP the dialer sent, and how it ended. Immutable.
 *
 * @param timeslot the channel the call had at the end (the network may move a preferred one), or
 *     the one asked for; 0 when the network was to choose and never did
 * @param cause the Q.850 cause it ended with; empty for an answered attempt
 * @param causeLocation who gave the cause: "user" is the box itself (e.g. T303, layer 2 lost),
 *     "public_local" etc. the network (Q.931 location, lower case)
 */
public record Attempt(int span, int timeslot, Instant startedAt, Instant endedAt, Optional<Q850Cause> cause, String causeLocation,
        Outcome outcome) {

    /** How an attempt ended. */
    public enum Outcome {
        /** The far end answered. */
        ANSWERED,
        /** Failed with a cause that invites another channel or trunk. */
        FAILED_RETRYABLE,
        /** The far end or the network said no for good (busy, no answer, unallocated, ...). */
        FAILED_FINAL,
        /** The dial's deadline cut it (cause 102, the box's). */
        DEADLINE,
        /** Call control gave up (cause 16, the box's). */
        CANCELLED
    }

    /** The cause's words for technicians ("user busy"), or "answered". */
    public String causeText() {
        return cause.map(Q850Cause::text).orElse("answered");
    }

    /** The trunk name as call records show it, e.g. "span0/ts31". */
    public String trunk() {
        return "span" + span + "/ts" + timeslot;
    }
}
