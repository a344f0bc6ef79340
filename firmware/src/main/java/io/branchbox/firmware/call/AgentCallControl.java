package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.AudioSource;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.MonitorMode;
import io.branchbox.firmware.console.TransferTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an agent does with a call in progress: hold and retrieve, blind and attended transfer to
 * an agent or a queue, and a supervisor's listen, whisper and barge. The call keeps its id, its
 * record and its one recording (which taps the far side) throughout.
 *
 * <p>Every action checks its preconditions first and throws {@link ConsoleException} without
 * changing anything when they do not hold. Signalling thread only.
 */
public final class AgentCallControl {
    private static final Logger log = LoggerFactory.getLogger(AgentCallControl.class);
    private final CallContext cx;
    private final CallManager calls;
    private final Monitoring monitoring;
    private final TransferPolicy transfers;

    AgentCallControl(CallContext cx, CallManager calls) {
        this.cx = cx;
        this.calls = calls;
        this.monitoring = new Monitoring(cx);
        this.transfers = new TransferPolicy(cx.acd);
    }

    /** The caller hears music; the agent hears nothing and stays on the call. */
    public void hold(Agent a) {
        Call call = talkingCall(a);
        if (!call.on(CallEvent.HOLD, cx.now())) {
            throw new ConsoleException("wrong-state", "the call is " + call.state().name().toLowerCase() + ", not talking");
        }
        holdFarSide(call);
        cx.events.held(call, a);
    }

    /** Takes the caller back from hold, ending a consultation that did not become a transfer. */
    public void retrieve(Agent a) {
        Call call = talkingCall(a);
        if (call.state() == Call.State.CONSULTING) {
            consultEnded(call, "agent " + a.id() + " took the caller back");
            return;
        }
        if (!call.on(CallEvent.RETRIEVE, cx.now())) {
            throw new ConsoleException("wrong-state", "the call is not on hold");
        }
        bridgeBack(call);
        cx.events.retrieved(call, a);
    }

    /**
     * Blind: the call leaves {@code a} at once, ringing at the target agent or waiting (at the head)
     * in the target queue. Attended: the caller is held while {@code a} talks to the target agent.
     */
    public void transfer(Agent a, TransferTarget to, boolean attended) {
        Call call = talkingCall(a);
        CallEvent event = TransferPolicy.event(to, attended);
        TransferPolicy.Decision decision = transfers.decide(call, a, to, attended);
        if (decision instanceof TransferPolicy.Decision.Refused r) {
            throw new ConsoleException(r.reason(), r.message());
        }
        if (decision instanceof TransferPolicy.Decision.ToQueue q) {
            leave(call, a);
            cx.events.transferred(call, a, "BLIND", to.toString());
            // as on overflow: forgetting the call's last offer keeps its place but not the ACD's
            // "avoid who missed it", which would otherwise skip the agent who answered it long ago
            cx.acd.remove(call.id());
            call.setQueue(q.queue());
            calls.enqueue(call, true, event);
            return;
        }
        Agent target = decision.agent();
        if (decision instanceof TransferPolicy.Decision.Consult c) {
            call.on(event, cx.now());
            holdFarSide(call);
            ConsultLeg leg = new ConsultLeg(target);
            call.consult(leg);
            cx.offerDirect(target, call.id());
            cx.events.consult(call, a, to.toString());
            cx.events.agentState(target, "consulted by " + a.id());
            cx.lamps.ring(target);
            leg.ring(cx.scheduler, c.ringFor(), () -> {
                if (leg.isCurrent(call) && target.state() == AgentState.OFFERED) {
                    consultEnded(call, "consulted agent did not answer");
                }
            });
            return;
        }
        leave(call, a);
        cx.events.transferred(call, a, "BLIND", to.toString());
        cx.offerDirect(target, call.id());
        calls.offer(call, target, event);
    }

    /** Hands the caller over to the consulted agent; {@code a} leaves the call for wrap-up. */
    public void completeTransfer(Agent a) {
        Call call = talkingCall(a);
        ConsultLeg leg = call.consult();
        Agent target = leg == null ? null : leg.agent();
        if (!call.allows(CallEvent.TRANSFER_COMPLETED) || target == null || target.state() != AgentState.ON_CALL) {
            throw new ConsoleException("wrong-state", "no consultation in progress with a colleague who answered");
        }
        call.on(CallEvent.TRANSFER_COMPLETED, cx.now());
        call.agentLeg().close(cx);
        calls.agents().wrapUpAfter(call, a);
        call.near(AgentLeg.talking(target, leg.handOver()));
        call.consult(null);
        monitoring.talk(call);
        cx.events.transferred(call, a, "ATTENDED", TransferTarget.agent(target.id()).toString());
        cx.events.connected(call, target);
    }

    /** The consulted agent answered: the two agents talk, the caller stays on hold. */
    void consultAnswered(Call call, Agent target) {
        ConsultLeg leg = call.consult();
        leg.stopRinging();
        cx.openSeat(target).whenComplete((seat, err) -> {
            if (!leg.isCurrent(call)) {
                cx.close(seat);
                return;
            }
            if (err != null) {
                log.warn("call {}: seat {} did not open for the consultation: {}", call.id(), target.seat(), err.getMessage());
                consultEnded(call, "consulted agent's headset fault");
                return;
            }
            leg.answered(seat);
            monitoring.connect(call, call.seatChannel(), seat);
            cx.setAgent(target, AgentState.ON_CALL, "consultation");
        });
    }

    /** The consultation is over without a transfer: the colleague is released, the caller back with the agent. */
    void consultEnded(Call call, String why) {
        ConsultLeg leg = call.consult();
        if (leg == null || !call.on(CallEvent.CONSULT_ENDED, cx.now())) {
            return;
        }
        log.info("call {}: consultation with {} ended: {}", call.id(), leg.agent().id(), why);
        releaseConsultant(call);
        bridgeBack(call);
        cx.events.retrieved(call, call.agent());
        calls.dispatch();
    }

    /**
     * A supervisor at their own seat joins {@code target}'s call: LISTEN hears both, WHISPER also
     * speaks to the agent only, BARGE speaks to both; END leaves. See {@link Monitoring}.
     */
    public void monitor(Agent supervisor, Agent target, MonitorMode mode) {
        monitoring.monitor(supervisor, target, mode);
    }

    /** The agent left the call while it goes on (the survey): a supervisor monitoring them leaves too. */
    void agentLeft(Call call) {
        monitoring.stop(call);
    }

    /** At the end of a call: a consulted colleague and a supervisor are released. */
    void releaseConsultAndMonitor(Call call) {
        if (call.consult() != null) {
            releaseConsultant(call);
        }
        monitoring.stop(call);
    }

    /** The consulted colleague leaves: wrap-up if they talked, else back where they were. */
    private void releaseConsultant(Call call) {
        ConsultLeg leg = call.consult();
        call.consult(null);
        leg.close(cx);
        Agent target = leg.agent();
        calls.agents().release(call, target, target.state() != AgentState.ON_CALL);
    }

    /** The call of an agent who is talking (or holding or consulting), else a console error. */
    private Call talkingCall(Agent a) {
        Call call = cx.callOf(a);
        if (call == null || call.agent() != a || !call.inConversation()) {
            throw new ConsoleException("no-call", "you have no call in conversation");
        }
        return call;
    }

    /** {@code a} leaves the call (blind transfer): headset closed, agent to wrap-up, caller on music. */
    private void leave(Call call, Agent a) {
        monitoring.stop(call);
        call.agentLeg().close(cx);
        call.near(null);
        calls.agents().wrapUpAfter(call, a);
        holdFarSide(call);
    }

    private void holdFarSide(Call call) {
        cx.router.play(call.trunkChannel(), Prompts.loop(cx.prompts.get("hold-music")));
        if (call.seatChannel() != null) {
            cx.router.play(call.seatChannel(), AudioSource.SILENCE);
        }
    }

    /** The caller back with the agent; the transition to CONNECTED was fired by the caller. */
    private void bridgeBack(Call call) {
        monitoring.talk(call);
    }
}
