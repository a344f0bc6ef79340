package io.branchbox.firmware.isdn.q931;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol's answer to a received message that could not be acted upon (Q.931 5.8): what the
 * boundary in {@link Q931Layer#onData} does with a {@link Q931Exception}. Signalling thread only.
 */
final class ErrorAnswers {
    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    private final CallRegistry registry;
    private final RestartProcedure restart;

    ErrorAnswers(CallRegistry registry, RestartProcedure restart) {
        this.registry = registry;
        this.restart = restart;
    }

    static void releaseComplete(CallRegistry registry, CallReference received, Q850Cause cause) {
        registry.send(Q931Message.of(received.reply(), MessageType.RELEASE_COMPLETE, Cause.user(cause)));
    }

    void answer(Q931Exception e) {
        CallReference ref = e.callReference();
        if (ref == null) {
            log.info("message ignored: nothing to answer without a call reference");
            return;
        }
        if (ref.isGlobal()) {
            restart.sendStatus(ref, e.cause(), e.diagnosticIe());
            return;
        }
        CallStateMachine call = registry.get(CallKey.ofReceived(ref));
        MessageType type = e.messageType();
        if (call == null) {
            answerWithoutCall(ref, type, e);
            return;
        }
        if (type == null) {
            call.sendStatus(e.cause(), -1);
            return;
        }
        switch (type) {
            case DISCONNECT -> call.release(e.cause());
            case RELEASE -> call.releaseComplete(e.cause(), e.diagnosticIe());
            case RELEASE_COMPLETE -> call.clearWithRemoteCause();
            default -> call.sendStatus(e.cause(), e.diagnosticIe());
        }
    }

    private void answerWithoutCall(CallReference ref, MessageType type, Q931Exception e) {
        if (type == MessageType.SETUP && !ref.toOriginator()) {
            registry.send(Q931Message.of(ref.reply(), MessageType.RELEASE_COMPLETE,
                    e.diagnosticIe() >= 0 ? Cause.userAboutIe(e.cause(), e.diagnosticIe()) : Cause.user(e.cause())));
        } else if (type != MessageType.RELEASE_COMPLETE) {
            releaseComplete(registry, ref, Q850Cause.INVALID_CALL_REFERENCE);
        }
    }
}
