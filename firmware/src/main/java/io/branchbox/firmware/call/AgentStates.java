package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import java.time.Duration;

/**
 * The agents' side of call control: login, the READY/NOT-READY button, and where an agent goes
 * when they leave a call (back to ready if it only rang, else wrap-up; back to not ready if a
 * colleague's call reached them while not ready). Each change is journaled and shown on the
 * seat's lamps; becoming ready hands the agent a waiting call.
 *
 * <p>Signalling thread only.
 */
final class AgentStates {
    private final CallContext cx;
    private final Runnable dispatch;

    /** {@code dispatch} hands waiting calls and callbacks to ready agents. */
    AgentStates(CallContext cx, Runnable dispatch) {
        this.cx = cx;
        this.dispatch = dispatch;
    }

    /** Logs {@code a} in at {@code seat}, not ready. IllegalStateException if they are logged in or the seat is taken. */
    void login(Agent a, int seat) {
        cx.acd.login(a, seat);
        cx.events.agentState(a, "login", Acd.REASON_LOGIN);
        cx.lamps.update(a);
    }

    /** The READY/NOT-READY button: toggles an idle agent between ready and not ready (示忙). */
    void toggleReady(Agent a) {
        if (a.state() == AgentState.READY) {
            cx.setAgent(a, AgentState.NOT_READY, "button");
        } else if (a.state() == AgentState.NOT_READY) {
            setReady(a, "button");
        }
    }

    /** Makes an idle agent ready and hands them a waiting call if there is one. */
    void setReady(Agent a, String reason) {
        cx.setAgent(a, AgentState.READY, reason);
        dispatch.run();
    }

    /** The agent leaves the call: back to ready if it never talked, else to wrap-up. */
    void release(Call call, Agent a, boolean onlyOffered) {
        cx.acd.release(a);
        if (onlyOffered) {
            free(a, "offer withdrawn");
        } else {
            wrapUp(a, cx.acd.queue(call.queue()).wrapUpS());
        }
    }

    /** The agent talked in {@code call} and leaves it while it goes on (transfer, survey): wrap-up. */
    void wrapUpAfter(Call call, Agent a) {
        cx.acd.release(a);
        wrapUp(a, cx.acd.queue(call.queue()).wrapUpS());
    }

    void wrapUp(Agent a, int seconds) {
        cx.setAgent(a, AgentState.WRAP_UP, "call ended");
        cx.scheduler.schedule(Duration.ofSeconds(seconds), () -> {
            if (a.state() == AgentState.WRAP_UP) {
                free(a, "wrap-up over");
            }
        });
    }

    /**
     * The agent is free of a call: back to not ready with their reason if a colleague's call
     * reached them while not ready (or they dialled out then), else ready for the queues.
     */
    void free(Agent a, String why) {
        String reason = cx.resumeNotReady.remove(a);
        if (reason == null) {
            setReady(a, why);
        } else {
            cx.acd.setNotReady(a, reason);
            cx.events.agentState(a, why, reason);
            cx.lamps.update(a);
        }
    }
}
