package io.branchbox.firmware.isdn.q931;

/**
 * The one protocol exception of Q.931: a received message that cannot be acted upon as it stands.
 *
 * <p>Carries the Q.931 cause value the standard prescribes for the answer (95 invalid message, 96
 * mandatory IE missing, 97 message type non-existent, 99 IE non-existent, 100 invalid IE contents,
 * 81 invalid call reference) plus as much of the message as was decoded before the fault, so the
 * one boundary that catches it ({@link Q931Layer#onData}) can answer with STATUS or RELEASE
 * COMPLETE. Cheap: no stack trace is filled in, because a misbehaving peer may send many.
 */
public final class Q931Exception extends Exception {
    private final Q850Cause cause;
    private final transient CallReference callReference;
    private final MessageType messageType;
    private final int diagnosticIe;

    public Q931Exception(Q850Cause cause, String message) {
        this(cause, message, null, null, -1);
    }

    private Q931Exception(Q850Cause cause, String message, CallReference callReference,
            MessageType messageType, int diagnosticIe) {
        super(message, null, false, false);
        this.cause = cause;
        this.callReference = callReference;
        this.messageType = messageType;
        this.diagnosticIe = diagnosticIe;
    }

    /** The same fault, with the message's call reference and type (either may be null). */
    public Q931Exception in(CallReference ref, MessageType type) {
        return new Q931Exception(cause, getMessage(), ref, type, diagnosticIe);
    }

    /** The same fault, naming the information element identifier it concerns (diagnostic). */
    public Q931Exception aboutIe(int identifier) {
        return new Q931Exception(cause, getMessage(), callReference, messageType, identifier);
    }

    /** The Q.931 cause value for the answer. */
    public Q850Cause cause() {
        return cause;
    }

    /** The call reference of the offending message, or null if it could not be decoded. */
    public CallReference callReference() {
        return callReference;
    }

    /** The message type, or null if unknown or not decoded. */
    public MessageType messageType() {
        return messageType;
    }

    /** The information element identifier the cause is about, or -1. */
    public int diagnosticIe() {
        return diagnosticIe;
    }
}
