package io.branchbox.firmware.isdn.q931;

/**
 * One call on the trunk as call control sees it.
 *
 * <p>Not thread-safe: call the methods on the signalling scheduler's thread (from elsewhere, wrap
 * the call in {@code scheduler.execute}). Actions that do not fit the call's state are logged and
 * ignored, because call control may act on a call the network has just cleared.
 */
public final class IsdnCall {
    private final CallStateMachine machine;

    IsdnCall(CallStateMachine machine) {
        this.machine = machine;
    }

    /** The call reference value (unique together with {@link #outgoing()}). */
    public int id() {
        return machine.key().value();
    }

    public CallKey key() {
        return machine.key();
    }

    public boolean outgoing() {
        return machine.key().outgoing();
    }

    /** The B-channel timeslot (1-15, 17-31), or 0 while the network has not assigned one. */
    public int channel() {
        return machine.channel();
    }

    public String callingNumber() {
        return machine.callingNumber();
    }

    public String calledNumber() {
        return machine.calledNumber();
    }

    /** The user-side state number (0 null, 10 active, ...). */
    public int state() {
        return machine.stateCode();
    }

    /** Incoming, answered with CALL PROCEEDING and nothing since: neither alerted, answered nor cleared (U9). */
    public boolean proceeding() {
        return machine.inState(UserStates.INCOMING_PROCEEDING);
    }

    /** Incoming: accept the call without ringing yet (CALL PROCEEDING). */
    public void proceed() {
        machine.proceed();
    }

    /** Incoming: the agent's phone rings (ALERTING). */
    public void alert() {
        machine.alert();
    }

    /** Incoming: answer (CONNECT); {@link TrunkCallHandler#onConnected} follows. */
    public void answer() {
        machine.answer();
    }

    /** Clears the call with a Q.931 cause, e.g. 16 normal clearing, 17 user busy, 21 call rejected. */
    public void hangup(Q850Cause cause) {
        machine.hangup(cause);
    }

    @Override
    public String toString() {
        return "IsdnCall[" + machine.key() + " ts=" + channel() + " U" + state() + "]";
    }
}
