package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import java.util.List;

/** How a dial ended: answered on some span, or failed with the reason and every attempt made. */
public sealed interface OutboundResult {

    String callId();

    /** Every attempt, in order; the last one is the one that decided. */
    List<Attempt> attempts();

    /**
     * The far end answered. {@code trunkCall} is call control's handle (audio unit and channel,
     * hangup); its clearing is reported to the request's {@link OutboundListener}.
     */
    record Answered(String callId, int span, int timeslot, IsdnCall call, TrunkCall trunkCall, List<Attempt> attempts)
            implements OutboundResult {
        public Answered {
            attempts = List.copyOf(attempts);
        }
    }

    /** No call was connected; {@code cause} and {@code causeLocation} are those of the decisive failure. */
    record Failed(String callId, Reason reason, Q850Cause cause, String causeLocation, List<Attempt> attempts)
            implements OutboundResult {
        public Failed {
            attempts = List.copyOf(attempts);
        }
    }

    /** Why a dial failed. */
    enum Reason {
        /** The far end or network refused for good (the cause says why). */
        REFUSED,
        /** Every attempt allowed failed with retryable causes. */
        ATTEMPTS_EXHAUSTED,
        /** No span had layer 2 up and a usable channel left (cause 34 if nothing was tried). */
        NO_TRUNK_AVAILABLE,
        /** The deadline expired before an answer. */
        DEADLINE,
        /** {@link OutboundDialer#cancel} was called. */
        CANCELLED,
        /** The dialled number cannot be sent (cause 28). */
        INVALID_NUMBER
    }
}
