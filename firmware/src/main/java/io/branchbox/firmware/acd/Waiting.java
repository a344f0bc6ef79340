package io.branchbox.firmware.acd;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller's place in the ACD: which queue, how urgent, and since when they wait.
 *
 * <p>{@code placeSince} is when the caller's wait began. It is kept when the call overflows to
 * another queue, goes back after a missed offer, is transferred to a queue or becomes a callback,
 * so the caller never loses their place; skill widening is also measured from it. Within a queue
 * calls are served by {@code priority} (0..9, higher first), then by {@code placeSince} (earlier
 * first), then in the order they were put in line.
 *
 * <p>Immutable.
 */
public record Waiting(String callId, String queue, int priority, Instant placeSince) {
    public static final int MAX_PRIORITY = 9;

    public Waiting {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(placeSince, "placeSince");
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority " + priority + " outside 0.." + MAX_PRIORITY);
        }
    }

    /** The same caller with the same place, in another queue. */
    public Waiting inQueue(String other) {
        return new Waiting(callId, other, priority, placeSince);
    }
}
