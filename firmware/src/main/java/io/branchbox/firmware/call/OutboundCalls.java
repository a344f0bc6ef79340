package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.console.ConsoleException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Calls an agent places from their seat: outbound calls on a trunk (click to dial; the dialer
 * picks channel and span and retries) and internal calls to another seat (801 .. 816). Both are
 * calls like any other: an id, a record and a recording from the answer on.
 *
 * <p>Signalling thread only; the dialer's result is hopped back onto it.
 */
public final class OutboundCalls {
    private static final Logger log = LoggerFactory.getLogger(OutboundCalls.class);
    private final CallContext cx;
    private final CallManager calls;
    private final CallControlPorts.Dialer dialer;
    /** The state an agent dialled from, restored if nobody answers. */
    private final Map<Agent, AgentState> before = new HashMap<>();
    /** The last dial that failed, per agent, for their console. */
    private final Map<Agent, String> lastFailure = new HashMap<>();

    OutboundCalls(CallContext cx, CallManager calls, CallControlPorts.Dialer dialer) {
        this.cx = cx;
        this.calls = calls;
        this.dialer = dialer;
    }

    /** Told how a dial placed for someone else (a callback) ended; signalling thread. */
    interface Outcome {
        Outcome NONE = new Outcome() {
            @Override
            public void answered(Call call) {}

            @Override
            public void failed(Call call, String why) {}
        };

        void answered(Call call);

        void failed(Call call, String why);
    }

    private final Map<Call, Outcome> outcomes = new HashMap<>();

    /** Places a call from {@code a}'s seat; returns its id. Throws {@link ConsoleException} when {@code a} cannot dial now. */
    public String dial(Agent a, String number) {
        return dial(a, number, Outcome.NONE);
    }

    String dial(Agent a, String number, Outcome outcome) {
        if (a.seat() <= 0) {
            throw new ConsoleException("no-seat", "log in at a seat to place calls");
        }
        if (a.callId() != null || !(a.state() == AgentState.READY || a.state() == AgentState.NOT_READY
                || a.state() == AgentState.WRAP_UP)) {
            throw new ConsoleException("busy", "finish your current call first");
        }
        if (!number.matches("[0-9*#+]{1,32}")) {
            throw new ConsoleException("bad-number", "'" + number + "' is not a number to dial");
        }
        Agent colleague = internalTarget(number);
        if (colleague == a) {
            throw new ConsoleException("wrong-state", "that is your own seat");
        }
        if (colleague != null && colleague.state() != AgentState.READY && colleague.state() != AgentState.NOT_READY) {
            throw new ConsoleException("busy", colleague.id() + " is busy");
        }
        String queue = a.queues().isEmpty() ? cx.config.ivr().defaultQueue() : a.queues().get(0);
        Call call;
        if (colleague != null) {
            call = new Call(cx.ids.next(), Call.Direction.INTERNAL, new SeatLeg(a.seat(), cx.seatUnit(a.seat()),
                    SeatLeg.number(a.seat()), number),
                    queue, cx.now());
        } else {
            call = new Call(cx.ids.next(), Call.Direction.OUT, null, queue, cx.now());
        }
        call.originator = a;
        outcomes.put(call, outcome);
        before.put(a, a.state());
        lastFailure.remove(a);
        cx.register(call);
        if (a.state() == AgentState.NOT_READY) {
            cx.resumeNotReady.put(a, a.reasonCode());
        }
        cx.acd.bindOriginator(a, call.id());
        cx.lastCall.put(a, call.id());
        cx.events.agentState(a, "dialling " + number);
        cx.lamps.update(a);
        call.on(CallEvent.DIAL, cx.now());
        try (MDC.MDCCloseable m = MDC.putCloseable("call", call.id())) {
            log.info("agent {} at seat {} dials {}{}", a.id(), a.seat(), number, colleague == null ? "" : " (" + colleague.id() + ")");
        }
        if (colleague != null) {
            cx.events.started(call);
        } else {
            cx.events.startedOutbound(call, "", number);
        }
        // the dialling agent's headset is the far side of an internal call, the near side of an outbound one
        java.util.function.BooleanSupplier current;
        java.util.function.Consumer<io.branchbox.firmware.audio.AudioChannel> opened;
        if (colleague != null) {
            TrunkLeg caller = call.far();
            current = () -> caller.isCurrent(call);
            opened = seat -> {
                caller.opened(seat);
                cx.offerDirect(colleague, call.id());
                calls.offer(call, colleague, CallEvent.COLLEAGUE_RUNG);
            };
        } else {
            AgentLeg leg = AgentLeg.dialling(a);
            call.near(leg);
            current = () -> leg.isCurrent(call);
            opened = seat -> {
                leg.opened(seat);
                placeOnTrunk(call, leg, number);
            };
        }
        cx.openSeat(a).whenComplete((seat, err) -> {
            if (!current.getAsBoolean()) {
                cx.close(seat);
                return;
            }
            if (err != null) {
                failed(call, a, "your headset did not open: " + err.getMessage(), Q850Cause.TEMPORARY_FAILURE);
                return;
            }
            opened.accept(seat);
        });
        return call.id();
    }

    /** Why {@code a}'s last dial failed, or "" when it did not. */
    public String lastFailure(Agent a) {
        return lastFailure.getOrDefault(a, "");
    }

    private void placeOnTrunk(Call call, AgentLeg leg, String number) {
        Agent a = leg.agent();
        dialer.dial(call.id(), number, cause -> cx.scheduler.execute(() ->
                calls.end(call, "far end cleared, cause " + cause, cause))).whenComplete((tc, err) -> cx.scheduler.execute(() -> {
            if (err != null) {
                String why = err.getMessage() == null ? err.toString() : err.getMessage();
                failed(call, a, "dial failed: " + why, Q850Cause.TEMPORARY_FAILURE);
                return;
            }
            if (!leg.isCurrent(call)) {
                tc.hangup(Q850Cause.NORMAL_CLEARING);
                return;
            }
            answered(call, leg, tc);
        }));
    }

    private void answered(Call call, AgentLeg leg, TrunkCall tc) {
        Agent a = leg.agent();
        TrunkLeg far = call.answeredOn(tc);
        cx.byTrunk.put(tc, call);
        cx.openChannel(tc.audioUnit(), tc.audioChan()).whenComplete((channel, err) -> {
            if (!far.isCurrent(call) || !leg.isCurrent(call)) {
                cx.close(channel);
                return;
            }
            if (err != null) {
                tc.hangup(Q850Cause.TEMPORARY_FAILURE);
                failed(call, a, "the board did not open " + tc.trunk() + ": " + err.getMessage(), Q850Cause.TEMPORARY_FAILURE);
                return;
            }
            if (!call.on(CallEvent.FAR_END_ANSWERED, cx.now())) {
                cx.close(channel);
                return;
            }
            far.opened(channel);
            cx.router.bridge(channel, leg.channel());
            leg.farEndAnswered();
            call.answeredAt = call.stateSince();
            call.connectedAt = call.answeredAt;
            call.talked = true;
            cx.events.answered(call);
            cx.events.connected(call, a);
            calls.startRecording(call);
            Outcome o = outcomes.remove(call);
            if (o != null) {
                o.answered(call);
            }
        });
    }

    private void failed(Call call, Agent a, String why, Q850Cause cause) {
        log.info("call {}: {}", call.id(), why);
        lastFailure.put(a, why);
        calls.end(call, why, cause);
    }

    /** At the end of the call: the agent who placed it wraps up if it was answered, else returns to where they were. */
    void releaseOriginator(Call call, Agent o, Call.State was) {
        AgentState prior = before.remove(o);
        Outcome outcome = outcomes.remove(call);
        if (outcome != null && !call.talked) {
            outcome.failed(call, lastFailure.getOrDefault(o, "ended before an answer"));
        }
        cx.acd.release(o);
        if (call.talked) {
            calls.agents().wrapUp(o, cx.acd.queue(call.queue()).wrapUpS());
        } else {
            calls.agents().free(o, "call not answered");
        }
    }

    /**
     * Forwards an answered caller to {@code number} on a trunk (night service to the on-duty phone,
     * an IVR choice): the caller hears music until the far end answers, then the two are bridged
     * and recorded as one call. If nobody answers the caller hears "closed" and the box hangs up.
     */
    void forward(Call call, String number) {
        if (!call.on(CallEvent.FORWARD, cx.now())) {
            return;
        }
        ForwardLeg leg = new ForwardLeg(number);
        call.near(leg);
        cx.router.play(call.trunkChannel(), io.branchbox.firmware.audio.Prompts.loop(cx.prompts.get("hold-music")));
        dialer.dial(call.id(), number, cause -> cx.scheduler.execute(() ->
                calls.hangUpAndEnd(call, "forwarded party cleared, cause " + cause)))
                .whenComplete((far, err) -> cx.scheduler.execute(() -> {
                    if (!leg.isCurrent(call)) {
                        if (far != null) {
                            far.hangup(Q850Cause.NORMAL_CLEARING);
                        }
                        return;
                    }
                    if (err != null) {
                        log.info("call {}: forward to {} failed: {}", call.id(), number, err.getMessage());
                        if (!call.on(CallEvent.FORWARD_FAILED, cx.now())) {
                            return;
                        }
                        cx.router.play(call.trunkChannel(), io.branchbox.firmware.audio.Prompts.once(cx.prompts.get("closed"),
                                () -> cx.scheduler.execute(() -> calls.hangUpAndEnd(call, "forward failed"))));
                        return;
                    }
                    bridgeForward(call, leg, far);
                }));
    }

    private void bridgeForward(Call call, ForwardLeg leg, TrunkCall far) {
        leg.answered(far);
        cx.openChannel(far.audioUnit(), far.audioChan()).whenComplete((channel, err) -> {
            if (!leg.isCurrent(call) || err != null) {
                leg.clear(Q850Cause.TEMPORARY_FAILURE);
                cx.close(channel);
                if (err != null) {
                    calls.end(call, "board did not open " + far.trunk(), Q850Cause.TEMPORARY_FAILURE);
                }
                return;
            }
            leg.opened(channel);
            cx.router.bridge(call.trunkChannel(), channel);
            call.talked = true;
            if (call.recording == null) {
                calls.startRecording(call);
            }
            log.info("call {} forwarded to {} on {}", call.id(), far.calledNumber(), far.trunk());
        });
    }

    private Agent internalTarget(String number) {
        if (!number.matches("8[0-9]{2}")) {
            return null;
        }
        int seat = Integer.parseInt(number.substring(1));
        return cx.acd.agentAtSeat(seat).orElseThrow(() -> new ConsoleException("no-such-agent", "nobody is logged in at seat " + seat));
    }
}
