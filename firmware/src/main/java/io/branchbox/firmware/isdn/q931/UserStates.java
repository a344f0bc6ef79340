package io.branchbox.firmware.isdn.q931;

/** The user-side call states, one small object each. Stateless; shared by every call. */
final class UserStates {
    private UserStates() {}

    static final UserCallState CALL_INITIATED = new CallInitiated();
    static final UserCallState OVERLAP_SENDING = new OverlapSending();
    static final UserCallState OUTGOING_PROCEEDING = new OutgoingProceeding();
    static final UserCallState CALL_DELIVERED = new CallDelivered();
    static final UserCallState CALL_PRESENT = new CallPresent();
    static final UserCallState CALL_RECEIVED = new CallReceived();
    static final UserCallState CONNECT_REQUEST = new ConnectRequest();
    static final UserCallState INCOMING_PROCEEDING = new IncomingProceeding();
    static final UserCallState ACTIVE = new Active();
    static final UserCallState DISCONNECT_REQUEST = new DisconnectRequest();
    static final UserCallState RELEASE_REQUEST = new ReleaseRequest();

    abstract static sealed class State implements UserCallState
            permits CallInitiated, OverlapSending, OutgoingProceeding, CallDelivered, NotYetAlerted, CallReceived,
                    ConnectRequest, Active, DisconnectRequest, ReleaseRequest {
        private final int code;

        State(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** Handling shared by U1-U4: the network's answers to our SETUP. */
    private static boolean outgoingProgress(CallStateMachine c, Q931Message m, boolean firstAnswer) {
        switch (m.type()) {
            case CALL_PROCEEDING -> {
                if (firstAnswer && !c.acceptNetworkChannel(m)) {
                    return true;
                }
                c.stopTimer();
                c.startTimer(TimerId.T310);
                c.enter(OUTGOING_PROCEEDING);
                c.handler().onProceeding(c.handle());
            }
            case ALERTING -> {
                if (firstAnswer && !c.acceptNetworkChannel(m)) {
                    return true;
                }
                c.stopTimer();
                c.enter(CALL_DELIVERED);
                c.handler().onAlerting(c.handle());
            }
            case CONNECT -> {
                if (firstAnswer && !c.acceptNetworkChannel(m)) {
                    return true;
                }
                c.stopTimer();
                c.send(MessageType.CONNECT_ACKNOWLEDGE);
                c.enter(ACTIVE);
                c.handler().onAnswered(c.handle());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** U1: SETUP sent, T303 running. */
    static final class CallInitiated extends State {
        CallInitiated() { super(1); }

        @Override
        public void onMessage(CallStateMachine c, Q931Message m) {
            if (m.type() == MessageType.SETUP_ACKNOWLEDGE) {
                if (c.acceptNetworkChannel(m)) {
                    // our number was complete already: say so again and supervise with T310,
                    // the box has no digits left to send that T304 would guard
                    c.stopTimer();
                    c.send(MessageType.INFORMATION, new SendingComplete());
                    c.startTimer(TimerId.T310);
                    c.enter(OVERLAP_SENDING);
                }
            } else if (!outgoingProgress(c, m, true)) {
                super.onMessage(c, m);
            }
        }

        @Override
        public void onTimeout(CallStateMachine c, TimerId timer, int expiries) {
            if (expiries == 1) {
                c.resendSetup();
            } else {
                c.releaseComplete(Q850Cause.RECOVERY_ON_TIMER_EXPIRY, -1);
            }
        }
    }

    /** U2: the network asked for more digits; we always send complete numbers, so we just wait. */
    static final class OverlapSending extends State {
        OverlapSending() { super(2); }

        @Override
        public void onMessage(CallStateMachine c, Q931Message m) {
            if (!outgoingProgress(c, m, false)) {
                super.onMessage(c, m);
            }
        }

        @Override
        public void onTimeout(CallStateMachine c, TimerId timer, int expiries) {
            c.disconnect(Q850Cause.RECOVERY_ON_TIMER_EXPIRY);
        }
    }

    /** U3: CALL PROCEEDING received, T310 running. */
    static final class OutgoingProceeding extends State {
        OutgoingProceeding() { super(3); }

        @Override
        public void onMessage(CallStateMachine c, Q931Message m) {
            if (m.type() == MessageType.PROGRESS) {
                c.stopTimer();
            }
            if (m.type() == MessageType.CALL_PROCEEDING || !outgoingProgress(c, m, false)) {
                super.onMessage(c, m);
            }
        }

        @Override
        public void onTimeout(CallStateMachine c, TimerId timer, int expiries) {
            c.disconnect(Q850Cause.RECOVERY_ON_TIMER_EXPIRY);
        }
    }

    /** U4: the far end rings. */
    static final class CallDelivered extends State {
        CallDelivered() { super(4); }

        @Override
        public void onMessage(CallStateMachine c, Q931Message m) {
            if (m.type() != MessageType.CONNECT || !outgoingProgress(c, m, false)) {
                super.onMessage(c, m);
            }
        }
    }

    /** U6 and U9: an incoming call not yet alerted, which call control may alert or answer. */
    abstract static sealed class NotYetAlerted extends State permits CallPresent, IncomingProceeding {
        NotYetAlerted(int code) {
            super(code);
        }

        @Override
        public void alert(CallStateMachine c) {
            c.sendResponse(MessageType.ALERTING);
            c.enter(CALL_RECEIVED);
        }

        @Override
        public void answer(CallStateMachine c) {
            c.sendResponse(MessageType.CONNECT);
            c.startTimer(TimerId.T313);
            c.enter(CONNECT_REQUEST);
        }
    }

    /** U6: the network's SETUP is offered to call control. */
    static final class CallPresent extends NotYetAlerted {
        CallPresent() { super(6); }

        @Override
        public void proceed(CallStateMachine c) {
            c.sendResponse(MessageType.CALL_PROCEEDING);
            c.enter(INCOMING_PROCEEDING);
        }

        @Override
        public void hangup(CallStateMachine c, Q850Cause cause) {
            c.releaseComplete(cause, -1);
        }
    }

    /** U9: CALL PROCEEDING sent. */
    static final class IncomingProceeding extends NotYetAlerted {
        IncomingProceeding() { super(9); }
    }

    /** U7: ALERTING sent. */
    static final class CallReceived extends State {
        CallReceived() { super(7); }

        @Override
        public void answer(CallStateMachine c) {
            c.sendResponse(MessageType.CONNECT);
            c.startTimer(TimerId.T313);
            c.enter(CONNECT_REQUEST);
        }
    }

    /** U8: CONNECT sent, T313 running. */
    static final class ConnectRequest extends State {
        ConnectRequest() { super(8); }

        @Override
        public void onMessage(CallStateMachine c, Q931Message m) {
            if (m.type() == MessageType.CONNECT_ACKNOWLEDGE) {
                c.stopTimer();
                c.enter(ACTIVE);
                c.handler().onConnected(c.handle());
            } else {
                super.onMessage(c, m);
            }
        }

        @Override
        public void onTimeout(CallStateMachine c, TimerId timer, int expiries) {
            c.disconnect(Q850Cause.RECOVERY_ON_TIMER_EXPIRY);
        }
    }

    /** U10: the call is up. */
    static final class Active extends State {
        Active() { super(10); }

        @Override
        public void onMessage(CallStateMachine c, Q931Message m) {
            // a repeated CONNECT ACKNOWLEDGE is harmless, so it gets no STATUS 101
            if (m.type() != MessageType.CONNECT_ACKNOWLEDGE) {
                super.onMessage(c, m);
            }
        }
    }

    /** U11: DISCONNECT sent, T305 running. */
    static final class DisconnectRequest extends State {
        DisconnectRequest() { super(11); }

        @Override
        public void onTimeout(CallStateMachine c, TimerId timer, int expiries) {
            c.release(c.ourCause());
        }

        @Override
        public void hangup(CallStateMachine c, Q850Cause cause) {
            LOG.debug("{} already clearing", c.key());
        }
    }

    /** U19: RELEASE sent, T308 running. */
    static final class ReleaseRequest extends State {
        ReleaseRequest() { super(19); }

        @Override
        public void onMessage(CallStateMachine c, Q931Message m) {
            switch (m.type()) {
                case RELEASE, RELEASE_COMPLETE -> {
                    // RELEASE here is a clear collision: no RELEASE COMPLETE (Q.931 5.3.5)
                    c.rememberRemoteCause(m);
                    c.clearWithRemoteCause();
                }
                case STATUS_ENQUIRY, STATUS -> super.onMessage(c, m);
                default -> LOG.debug("{} {} ignored while releasing", c.key(), m.type());
            }
        }

        @Override
        public void onTimeout(CallStateMachine c, TimerId timer, int expiries) {
            if (expiries == 1) {
                c.resendRelease();
            } else {
                c.clearIntoMaintenance();
            }
        }

        @Override
        public void hangup(CallStateMachine c, Q850Cause cause) {
            LOG.debug("{} already releasing", c.key());
        }
    }
}
