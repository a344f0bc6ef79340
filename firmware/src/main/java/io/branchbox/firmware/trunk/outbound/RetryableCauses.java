package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import java.util.Set;

/**
 * Which failures invite another channel or trunk, and which mean the far end said no.
 *
 * <p>Retryable: 34 no circuit, 41 temporary failure (also the box's own cause when layer 2 drops
 * under a call being set up), 42 switching equipment congestion, 44 requested channel not
 * available, and 102 before the network answered the SETUP at all (T303 expired twice). Only
 * while the far end has not rung: after ALERTING a retry would ring the person a second time.
 * Everything else is final: 1 unallocated number, 16 normal, 17 busy, 18/19 no answer, 21
 * rejected, and 102 after CALL PROCEEDING (T310: the network took the call and then got stuck).
 *
 * <p>Thread-safe: stateless.
 */
public final class RetryableCauses {
    private static final Set<Q850Cause> RETRYABLE = Set.of(Q850Cause.NO_CIRCUIT_AVAILABLE, Q850Cause.TEMPORARY_FAILURE,
            Q850Cause.SWITCHING_EQUIPMENT_CONGESTION, Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE);

    private RetryableCauses() {}

    /**
     * @param networkAnswered whether the network answered the SETUP (CALL PROCEEDING, ...)
     * @param farEndRang whether ALERTING (or CONNECT) arrived
     */
    public static boolean isRetryable(Q850Cause cause, boolean networkAnswered, boolean farEndRang) {
        if (farEndRang) {
            return false;
        }
        if (cause.equals(Q850Cause.RECOVERY_ON_TIMER_EXPIRY)) {
            return !networkAnswered;
        }
        return RETRYABLE.contains(cause);
    }
}
