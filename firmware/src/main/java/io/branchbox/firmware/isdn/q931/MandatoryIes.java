package io.branchbox.firmware.isdn.q931;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which information elements a received message must carry (EN 300 403 clause 3, network to user
 * direction) and the element-level checks of Q.931 5.8.5-5.8.7 that decide whether the message
 * may be acted upon.
 *
 * <p>Conditionally mandatory elements (channel identification in the first answer to SETUP,
 * channel identification in RESTART of indicated channels) are checked by the procedures that
 * know the condition. Immutable and thread-safe.
 */
public final class MandatoryIes {
    private final Map<MessageType, List<Integer>> table;

    private MandatoryIes(Map<MessageType, List<Integer>> table) {
        this.table = table;
    }

    /** The table for the user side receiving from the network. */
    public static MandatoryIes userSideReceiving() {
        Map<MessageType, List<Integer>> t = new EnumMap<>(MessageType.class);
        t.put(MessageType.SETUP, List.of(BearerCapability.ID, ChannelIdentification.ID));
        t.put(MessageType.SETUP_ACKNOWLEDGE, List.of(ChannelIdentification.ID));
        t.put(MessageType.DISCONNECT, List.of(Cause.ID));
        t.put(MessageType.PROGRESS, List.of(ProgressIndicator.ID));
        t.put(MessageType.NOTIFY, List.of(NotificationIndicator.ID));
        t.put(MessageType.STATUS, List.of(Cause.ID, CallState.ID));
        t.put(MessageType.RESTART, List.of(RestartIndicator.ID));
        t.put(MessageType.RESTART_ACKNOWLEDGE, List.of(RestartIndicator.ID));
        return new MandatoryIes(t);
    }

    /** The table for the network side receiving from the user (carrier simulator). */
    public static MandatoryIes networkSideReceiving() {
        Map<MessageType, List<Integer>> t = new EnumMap<>(MessageType.class);
        t.put(MessageType.SETUP, List.of(BearerCapability.ID));
        t.put(MessageType.DISCONNECT, List.of(Cause.ID));
        t.put(MessageType.STATUS, List.of(Cause.ID, CallState.ID));
        t.put(MessageType.RESTART, List.of(RestartIndicator.ID));
        t.put(MessageType.RESTART_ACKNOWLEDGE, List.of(RestartIndicator.ID));
        return new MandatoryIes(t);
    }

    /**
     * Throws the fault that stops the message from being acted upon: cause 96 for a missing
     * mandatory element, 100 for a mandatory element with invalid contents, 99 for an unrecognised
     * element marked "comprehension required".
     */
    public void check(Q931Message m) throws Q931Exception {
        for (int id : table.getOrDefault(m.type(), List.of())) {
            InformationElement found = null;
            for (InformationElement ie : m.elements()) {
                if (ie.identifier() == id && (found == null || found instanceof UnknownIe)) {
                    found = ie;
                }
            }
            if (found == null) {
                throw fault(Q850Cause.MANDATORY_IE_MISSING, "mandatory element missing", id, m);
            }
            if (found instanceof UnknownIe u && u.invalid()) {
                throw fault(Q850Cause.INVALID_IE_CONTENTS, "mandatory element invalid", id, m);
            }
        }
        for (InformationElement ie : m.elements()) {
            if (ie instanceof UnknownIe u && u.comprehensionRequired()) {
                throw fault(Q850Cause.IE_NON_EXISTENT, "unrecognised comprehension-required element", u.identifier(), m);
            }
        }
    }

    /**
     * After {@link #check} passed: the cause of a STATUS to report an element that was ignored
     * (99 unrecognised, 100 invalid optional element), or empty if there is nothing to report.
     */
    public static Optional<Q850Cause> ignoredElementCause(Q931Message m) {
        Optional<Q850Cause> cause = Optional.empty();
        for (InformationElement ie : m.elements()) {
            if (ie instanceof UnknownIe u && u.codeset() == 0) {
                // an invalid element (100) outweighs an unknown one (99), whatever their order
                boolean invalid = u.invalid() || cause.equals(Optional.of(Q850Cause.INVALID_IE_CONTENTS));
                cause = Optional.of(invalid ? Q850Cause.INVALID_IE_CONTENTS : Q850Cause.IE_NON_EXISTENT);
            }
        }
        return cause;
    }

    /** The identifier of the first ignored element, for the STATUS diagnostic. */
    public static int ignoredElementId(Q931Message m) {
        for (InformationElement ie : m.elements()) {
            if (ie instanceof UnknownIe u && u.codeset() == 0) {
                return u.identifier();
            }
        }
        return -1;
    }

    private static Q931Exception fault(Q850Cause cause, String what, int id, Q931Message m) {
        return new Q931Exception(cause, what + " 0x" + Integer.toHexString(id) + " in " + m.type())
                .aboutIe(id).in(m.callReference(), m.type());
    }
}
