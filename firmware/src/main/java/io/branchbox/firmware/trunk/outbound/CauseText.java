package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.Causes;

/** Words for the Q.850 causes an outbound attempt typically ends with, for technicians. Stateless. */
public final class CauseText {
    /** Invalid number format: the dialler's own cause for a number that cannot be sent. */
    static final int INVALID_NUMBER_FORMAT = 28;

    private CauseText() {}

    public static String of(int cause) {
        return switch (cause) {
            case 0 -> "answered";
            case Causes.UNALLOCATED_NUMBER -> "unallocated number";
            case Causes.NORMAL_CLEARING -> "normal clearing";
            case Causes.USER_BUSY -> "user busy";
            case Causes.NO_USER_RESPONDING -> "no user responding";
            case Causes.NO_ANSWER -> "no answer";
            case Causes.CALL_REJECTED -> "call rejected";
            case INVALID_NUMBER_FORMAT -> "invalid number format";
            case Causes.NORMAL_UNSPECIFIED -> "normal, unspecified";
            case Causes.NO_CIRCUIT_AVAILABLE -> "no circuit available";
            case Causes.NETWORK_OUT_OF_ORDER -> "network out of order";
            case Causes.TEMPORARY_FAILURE -> "temporary failure";
            case Causes.SWITCHING_EQUIPMENT_CONGESTION -> "switching equipment congestion";
            case Causes.REQUESTED_CHANNEL_NOT_AVAILABLE -> "requested channel not available";
            case Causes.RECOVERY_ON_TIMER_EXPIRY -> "recovery on timer expiry";
            default -> "cause " + cause;
        };
    }
}
