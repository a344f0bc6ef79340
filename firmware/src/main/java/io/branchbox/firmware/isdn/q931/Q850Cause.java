package io.branchbox.firmware.isdn.q931;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Q.850 cause value: why a call was refused or cleared. The one cause type of the box: Q.931
 * sends and receives it, the trunks ({@code trunk/}, {@code trunk/fxo/}, {@code trunk/outbound/})
 * report it, call control ({@code call/}) ends calls with it, and the journal stores its
 * {@link #value()}. Any value 0..127 the network sends is representable; the constants are the
 * ones the box generates or reacts to, and {@link #text()} gives the technician's words for them
 * (one table, here).
 *
 * <p>{@link #toString()} is the bare number ("16"), so that log lines and journal reasons written as
 * {@code "cause " + cause} read exactly as before the type existed.
 *
 * <p>Immutable, thread-safe. The information element that carries it on the wire is {@link Cause}.
 */
public record Q850Cause(int value) {
    /** value → words; filled by {@link #define} as the constants below are initialised. */
    private static final Map<Integer, String> TEXT = new TreeMap<>();

    public static final Q850Cause UNALLOCATED_NUMBER = define(1, "unallocated number");
    public static final Q850Cause CHANNEL_UNACCEPTABLE = define(6, "channel unacceptable");
    public static final Q850Cause NORMAL_CLEARING = define(16, "normal clearing");
    public static final Q850Cause USER_BUSY = define(17, "user busy");
    public static final Q850Cause NO_USER_RESPONDING = define(18, "no user responding");
    public static final Q850Cause NO_ANSWER = define(19, "no answer");
    public static final Q850Cause CALL_REJECTED = define(21, "call rejected");
    /** The dialler's own cause for a number that cannot be sent. */
    public static final Q850Cause INVALID_NUMBER_FORMAT = define(28, "invalid number format");
    public static final Q850Cause RESPONSE_TO_STATUS_ENQUIRY = define(30, "response to status enquiry");
    public static final Q850Cause NORMAL_UNSPECIFIED = define(31, "normal, unspecified");
    public static final Q850Cause NO_CIRCUIT_AVAILABLE = define(34, "no circuit available");
    public static final Q850Cause NETWORK_OUT_OF_ORDER = define(38, "network out of order");
    public static final Q850Cause TEMPORARY_FAILURE = define(41, "temporary failure");
    public static final Q850Cause SWITCHING_EQUIPMENT_CONGESTION = define(42, "switching equipment congestion");
    public static final Q850Cause REQUESTED_CHANNEL_NOT_AVAILABLE = define(44, "requested channel not available");
    public static final Q850Cause BEARER_CAPABILITY_NOT_IMPLEMENTED = define(65, "bearer capability not implemented");
    public static final Q850Cause INVALID_CALL_REFERENCE = define(81, "invalid call reference value");
    public static final Q850Cause CHANNEL_DOES_NOT_EXIST = define(82, "identified channel does not exist");
    public static final Q850Cause INCOMPATIBLE_DESTINATION = define(88, "incompatible destination");
    public static final Q850Cause INVALID_MESSAGE = define(95, "invalid message, unspecified");
    public static final Q850Cause MANDATORY_IE_MISSING = define(96, "mandatory information element is missing");
    public static final Q850Cause MESSAGE_TYPE_NON_EXISTENT = define(97, "message type non-existent or not implemented");
    public static final Q850Cause MESSAGE_NOT_COMPATIBLE_WITH_STATE = define(98, "message not compatible with call state or message type non-existent");
    public static final Q850Cause IE_NON_EXISTENT = define(99, "information element non-existent or not implemented");
    public static final Q850Cause INVALID_IE_CONTENTS = define(100, "invalid information element contents");
    public static final Q850Cause WRONG_MESSAGE_FOR_STATE = define(101, "message not compatible with call state");
    public static final Q850Cause RECOVERY_ON_TIMER_EXPIRY = define(102, "recovery on timer expiry");
    public static final Q850Cause PROTOCOL_ERROR = define(111, "protocol error, unspecified");

    /** @throws IllegalArgumentException outside 0..127 (the field is 7 bits) */
    public Q850Cause {
        if (value < 0 || value > 127) {
            throw new IllegalArgumentException("Q.850 cause value " + value + " is not in 0..127");
        }
    }

    /** The cause with this value (a named constant's equal if there is one). */
    public static Q850Cause of(int value) {
        return new Q850Cause(value);
    }

    /** Words for technicians ("user busy"); "cause N" for a value the table does not name. */
    public String text() {
        return TEXT.getOrDefault(value, "cause " + value);
    }

    /** The table: every named value with its words, ascending (for documents and tests). */
    public static Map<Integer, String> table() {
        return Collections.unmodifiableMap(TEXT);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }

    private static Q850Cause define(int value, String text) {
        if (TEXT.put(value, text) != null) {
            throw new IllegalStateException("cause " + value + " defined twice");
        }
        return new Q850Cause(value);
    }
}
