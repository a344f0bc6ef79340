package io.branchbox.firmware.isdn.q931;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user-side call state (U1..U19) as a small object. Defaults handle what every state does
 * alike (clearing messages, STATUS ENQUIRY, STATUS, wrong messages answered with STATUS cause
 * 101); each state overrides only what it does differently.
 */
sealed interface UserCallState permits UserStates.State {
    Logger LOG = LoggerFactory.getLogger(UserCallState.class);

    /** The state number as sent in the call state element. */
    int code();

    default void onMessage(CallStateMachine c, Q931Message m) {
        switch (m.type()) {
            case DISCONNECT -> {
                c.rememberRemoteCause(m);
                c.releaseWithoutCause();
            }
            case RELEASE -> {
                c.rememberRemoteCause(m);
                c.send(MessageType.RELEASE_COMPLETE);
                c.clearWithRemoteCause();
            }
            case RELEASE_COMPLETE -> {
                c.rememberRemoteCause(m);
                c.clearWithRemoteCause();
            }
            case STATUS_ENQUIRY -> c.sendStatus(Q850Cause.RESPONSE_TO_STATUS_ENQUIRY, -1);
            case STATUS -> c.onStatus(m);
            case SETUP -> LOG.info("{} repeated SETUP ignored", c.key());
            case INFORMATION, NOTIFY -> LOG.debug("{} {} noted", c.key(), m.type());
            case PROGRESS -> m.find(ProgressIndicator.class)
                    .ifPresent(p -> c.handler().onProgress(c.handle(), p.description()));
            default -> {
                LOG.info("{} {} not expected in U{}: STATUS 101", c.key(), m.type(), code());
                c.sendStatus(Q850Cause.WRONG_MESSAGE_FOR_STATE, -1);
            }
        }
    }

    default void onTimeout(CallStateMachine c, TimerId timer, int expiries) {
        LOG.debug("{} stale {} in U{}", c.key(), timer, code());
    }

    default void proceed(CallStateMachine c) {
        refuse(c, "proceed");
    }

    default void alert(CallStateMachine c) {
        refuse(c, "alert");
    }

    default void answer(CallStateMachine c) {
        refuse(c, "answer");
    }

    /** Clearing by our user: DISCONNECT in most states. */
    default void hangup(CallStateMachine c, Q850Cause cause) {
        c.disconnect(cause);
    }

    private void refuse(CallStateMachine c, String action) {
        LOG.info("{} {} ignored in U{}", c.key(), action, code());
    }
}
