package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.acd.Agent;

/**
 * The end of a call, whatever ended it (the trunk cleared, a hang-up, a failure, no answer, the
 * box stopping): the {@link CallEvent#END} transition, then every timer cancelled, every channel
 * closed, the consulted colleague, the supervisor, the originator and the agent released, the
 * recording finished and {@code call.ended} journaled. Idempotent.
 *
 * <p>Signalling thread only.
 */
final class CallEnd {
    private final CallContext cx;
    private final AgentCallControl control;
    private final OutboundCalls outbound;
    private final AgentStates agents;
    private final Runnable dispatch;

    CallEnd(CallContext cx, AgentCallControl control, OutboundCalls outbound, AgentStates agents, Runnable dispatch) {
        this.cx = cx;
        this.control = control;
        this.outbound = outbound;
        this.agents = agents;
        this.dispatch = dispatch;
    }

    /** Ends the call: every channel closed, every agent released, the recording finished. Idempotent. */
    void end(Call call, String why, Q850Cause cause) {
        if (call.ended()) {
            return;
        }
        Call.State was = call.state();
        call.on(CallEvent.END, cx.now());
        call.waitTimer.cancel();
        call.announceTimer.cancel();
        if (call.ivr != null) {
            call.ivr.cancel();
        }
        Agent a = call.agent();
        NearLeg near = call.near();
        if (near instanceof ForwardLeg forward) {
            forward.clear(Q850Cause.NORMAL_CLEARING);
        }
        cx.unregister(call);
        cx.acd.remove(call.id());
        if (call.far() != null) {
            call.far().close(cx);
        }
        if (near != null) {
            near.close(cx);
        }
        control.releaseConsultAndMonitor(call);
        Agent o = call.originator;
        if (o != null) {
            outbound.releaseOriginator(call, o, was);
        }
        if (a != null && a != o && was != Call.State.SURVEY) {
            agents.release(call, a, was == Call.State.OFFERED);
        }
        if (call.recording != null) {
            call.recording.finish().whenComplete((r, err) -> cx.scheduler.execute(() -> {
                cx.events.recorded(call, r, err);
                if (was == Call.State.VOICEMAIL && r != null) {
                    cx.events.voicemail(call, r.file(), r.durationMs());
                }
            }));
        }
        cx.events.ended(call, was, cause, why);
        dispatch.run();
    }
}
