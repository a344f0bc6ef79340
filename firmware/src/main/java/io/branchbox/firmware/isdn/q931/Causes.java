package io.branchbox.firmware.isdn.q931;

/** The Q.931 cause values the box generates or reacts to (Q.850 numbering). */
public final class Causes {
    private Causes() {}

    public static final int UNALLOCATED_NUMBER = 1;
    public static final int CHANNEL_UNACCEPTABLE = 6;
    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_USER_RESPONDING = 18;
    public static final int NO_ANSWER = 19;
    public static final int CALL_REJECTED = 21;
    public static final int NORMAL_UNSPECIFIED = 31;
    public static final int RESPONSE_TO_STATUS_ENQUIRY = 30;
    public static final int NO_CIRCUIT_AVAILABLE = 34;
    public static final int NETWORK_OUT_OF_ORDER = 38;
    public static final int TEMPORARY_FAILURE = 41;
    public static final int SWITCHING_EQUIPMENT_CONGESTION = 42;
    public static final int REQUESTED_CHANNEL_NOT_AVAILABLE = 44;
    public static final int BEARER_CAPABILITY_NOT_IMPLEMENTED = 65;
    public static final int CHANNEL_DOES_NOT_EXIST = 82;
    public static final int INVALID_CALL_REFERENCE = 81;
    public static final int INCOMPATIBLE_DESTINATION = 88;
    public static final int INVALID_MESSAGE = 95;
    public static final int MANDATORY_IE_MISSING = 96;
    public static final int MESSAGE_TYPE_NON_EXISTENT = 97;
    public static final int MESSAGE_NOT_COMPATIBLE_WITH_STATE = 98;
    public static final int IE_NON_EXISTENT = 99;
    public static final int INVALID_IE_CONTENTS = 100;
    public static final int WRONG_MESSAGE_FOR_STATE = 101;
    public static final int RECOVERY_ON_TIMER_EXPIRY = 102;
    public static final int PROTOCOL_ERROR = 111;
}
