package io.branchbox.firmware.trunk.outbound;

import java.time.Duration;
import java.util.Objects;

/**
 * One outbound call to place.
 *
 * @param callId the call's id in logs and the journal (every {@code call.attempt} event carries it)
 * @param called the number as dialled in China ("010 1234 5678", "13812345678", "+86 21 ...");
 *     see {@link DialledNumbers}
 * @param calling the number to present, or null for the network's default
 * @param deadline this call's deadline, or null for the configured one
 * @param listener told of ringing and of the clearing after the answer; {@link OutboundListener#NONE}
 */
public record OutboundRequest(String callId, String called, String calling, Duration deadline, OutboundListener listener) {

    public OutboundRequest {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(called, "called");
        Objects.requireNonNull(listener, "listener");
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
    }

    /** A request with the configured deadline and no listener. */
    public static OutboundRequest of(String callId, String called, String calling) {
        return new OutboundRequest(callId, called, calling, null, OutboundListener.NONE);
    }
}
