package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's leg of a call ({@link AgentLeg}) from the ring to the hang-up: the seat rung for a
 * call ({@link #offer}) and ring-no-answer, and what the agent does at their seat, by the
 * ANSWER/HANG-UP button or the console: answer what rings there (a queued call, a transfer, a consultation, an internal call: the headset opens,
 * then {@link CallEvent#SEAT_OPENED}), or end their part of the call (the consultation, a
 * transfer on hang-up, the survey, or the call).
 *
 * <p>Signalling thread only.
 */
final class SeatActions {
    private static final Logger log = LoggerFactory.getLogger(SeatActions.class);
    private static final Duration SURVEY_TIMEOUT = Duration.ofSeconds(15);
    private final CallContext cx;
    private final CallManager calls;

    SeatActions(CallContext cx, CallManager calls) {
        this.cx = cx;
        this.calls = calls;
    }

    /** Rings {@code a}'s seat for {@code call} on {@code event}; the ACD has marked the agent offered. */
    void offer(Call call, Agent a, CallEvent event) {
        if (!call.on(event, cx.now())) {
            return;
        }
        AgentLeg leg = AgentLeg.offered(a);
        call.near(leg);
        cx.events.offered(call, a);
        cx.events.agentState(a, "offered");
        Duration timeout = QueuePolicy.offerTimeout(cx.acd.queue(call.queue()));
        leg.ring(cx.scheduler, timeout, () -> offerNotAnswered(call, leg));
        cx.lamps.ring(a);
    }

    /**
     * Ring-no-answer: the seat stops ringing and the agent leaves the call's near side; what becomes
     * of the call and the agent is the queue's ({@link QueueFlow#offerNotAnswered}).
     */
    private void offerNotAnswered(Call call, AgentLeg leg) {
        if (!leg.isCurrent(call) || !call.allows(CallEvent.OFFER_TIMEOUT)) {
            return;
        }
        call.near(null);
        calls.offerNotAnswered(call, leg.agent());
    }

    /** The agent answers what rings at their seat. */
    void answer(Call call, Agent a) {
        if (call.consultAgent() == a) {
            calls.control().consultAnswered(call, a);
        } else if (call.agent() == a) {
            connect(call, call.agentLeg());
        }
    }

    /** The agent ends their part of the call. */
    void hangUp(Call call, Agent a) {
        if (call.consultAgent() == a) {
            calls.control().consultEnded(call, "consulted agent hung up");
        } else if (call.originator == a && call.direction() != Call.Direction.IN) {
            calls.hangUpAndEnd(call, "agent " + a.id() + " hung up");
        } else if (call.agent() == a && call.state() == Call.State.CONSULTING
                && call.consultAgent().state() == AgentState.ON_CALL) {
            // hanging up during a consultation hands the caller over, as on an office phone
            calls.control().completeTransfer(a);
        } else if (call.agent() == a) {
            if (call.state() == Call.State.CONSULTING) {
                calls.control().consultEnded(call, "agent " + a.id() + " hung up before the colleague answered");
            }
            if (cx.config.ivr().surveyPrompt().isEmpty() || call.direction() != Call.Direction.IN) {
                calls.hangUpAndEnd(call, "agent " + a.id() + " hung up");
            } else {
                new Survey(cx.scheduler, PolicyPorts.surveyCaller(cx), surveyPort()).start(call, a, SURVEY_TIMEOUT);
            }
        }
    }

    /** The survey's way back to call control: wrap-up and the end of the call. */
    private Survey.Port surveyPort() {
        return new Survey.Port() {
            @Override
            public void wrapUp(Call call, Agent agent) {
                // the supervisor monitored the agent, who is gone: they leave now, not when the caller has rated
                calls.control().agentLeft(call);
                call.agentLeg().closeHeadset(cx);
                calls.agents().wrapUpAfter(call, agent);
            }

            @Override
            public void hangUpAndEnd(Call call, String why) {
                calls.hangUpAndEnd(call, why);
            }
        };
    }

    /** The agent answered: open the headset, bridge, record. */
    private void connect(Call call, AgentLeg leg) {
        Agent a = leg.agent();
        leg.stopRinging();
        call.waitTimer.cancel();
        call.announceTimer.cancel();
        cx.acd.recordAnswered(a);
        cx.openSeat(a).whenComplete((seat, err) -> {
            if (!leg.isCurrent(call)) {
                cx.close(seat);
                return;
            }
            if (err != null) {
                log.warn("call {}: seat {} headset channel did not open: {}", call.id(), a.seat(), err.getMessage());
                if (call.allows(CallEvent.SEAT_FAULT)) {
                    cx.acd.release(a);
                    cx.setAgent(a, AgentState.NOT_READY, "headset fault");
                    call.near(null);
                    calls.enqueue(call, true, CallEvent.SEAT_FAULT);
                }
                return;
            }
            if (!call.on(CallEvent.SEAT_OPENED, cx.now())) {
                cx.close(seat);
                return;
            }
            leg.opened(seat);
            cx.router.bridge(call.trunkChannel(), seat);
            call.connectedAt = call.stateSince();
            call.talked = true;
            cx.setAgent(a, AgentState.ON_CALL, "answered");
            cx.events.connected(call, a);
            if (call.recording == null) {
                calls.startRecording(call);
            }
        });
    }
}
