package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Call control: inbound calls from answer to end (greeting, queue with music, offer to a seat,
 * bridge and record, survey), the seat buttons, and the agents' states. Holds and transfers are
 * in {@link AgentCallControl}; outbound and internal calls in {@link OutboundCalls}. Independent of
 * the trunk type (any {@link TrunkCall}) and of the board (through {@link CallControlPorts}).
 *
 * <p>Threading: every public method must be called on the signalling scheduler's thread; results
 * of the board and the recorder arrive as futures and are hopped back onto it.
 */
public final class CallManager {
    private static final Logger log = LoggerFactory.getLogger(CallManager.class);
    private final CallContext cx;
    private final AgentStates agents;
    private final CallEnd ending;
    private final SeatActions seatActions;
    private final AgentCallControl control;
    private final OutboundCalls outbound;
    private final Callbacks callbacks;
    private final IvrFlow ivr;
    private final QueueFlow queues;
    private PromptByPhone promptByPhone;

    public CallManager(BoxConfig config, Scheduler scheduler, Acd acd, AudioRouter router,
            CallControlPorts.Channels channels, CallControlPorts.Seats seats, CallControlPorts.Recorder recorder,
            CallControlPorts.Events events, CallControlPorts.SeatLamps lamps, Prompts prompts) {
        this(config, scheduler, acd, router, channels, seats, recorder, events, lamps, prompts, CallControlPorts.Dialer.NONE);
    }

    public CallManager(BoxConfig config, Scheduler scheduler, Acd acd, AudioRouter router,
            CallControlPorts.Channels channels, CallControlPorts.Seats seats, CallControlPorts.Recorder recorder,
            CallControlPorts.Events events, CallControlPorts.SeatLamps lamps, Prompts prompts,
            CallControlPorts.Dialer dialer) {
        this.cx = new CallContext(config, scheduler, acd, router, channels, seats, recorder, events, lamps, prompts);
        this.agents = new AgentStates(cx, this::dispatch);
        this.control = new AgentCallControl(cx, this);
        this.outbound = new OutboundCalls(cx, this, dialer);
        this.callbacks = new Callbacks(cx.scheduler, cx.events, PolicyPorts.callbacks(cx, this));
        this.ivr = new IvrFlow(cx.scheduler, cx.events, callbacks, PolicyPorts.ivr(cx, this));
        this.queues = new QueueFlow(cx.scheduler, cx.acd, cx.events, ivr, callbacks, PolicyPorts.queue(cx, this));
        this.seatActions = new SeatActions(cx, this);
        this.ending = new CallEnd(cx, control, outbound, agents, this::dispatch);
    }

    /** A trunk offers a call. */
    public void onIncoming(TrunkCall tc) {
        BoxConfig.Ivr config = cx.config.ivr();
        String queue = config.numberToQueue().getOrDefault(tc.calledNumber(), config.defaultQueue());
        Call call = new Call(cx.ids.next(), Call.Direction.IN, tc, queue, cx.now());
        cx.register(call);
        try (MDC.MDCCloseable m = MDC.putCloseable("call", call.id())) {
            log.info("incoming call on {} from '{}' to '{}', queue {}", tc.trunk(), tc.callingNumber(), tc.calledNumber(), queue);
        }
        cx.events.started(call);
        cx.channels.open(tc.audioUnit(), tc.audioChan()).whenComplete((ok, err) -> cx.scheduler.execute(() -> {
            if (err != null) {
                if (call.far().isCurrent(call)) { // a caller who hung up meanwhile is not cleared again
                    fail(call, "board did not open " + tc.trunk() + ": " + err.getMessage());
                }
            } else {
                answer(call);
            }
        }));
    }

    /** The trunk cleared a call (the caller hung up, or the network released it). */
    public void onTrunkCleared(TrunkCall tc, Q850Cause cause) {
        Call call = cx.byTrunk.get(tc);
        if (call != null) {
            end(call, "trunk cleared, cause " + cause, cause);
        }
    }

    /**
     * The ANSWER/HANG-UP button of a seat: answers what rings there (a queued call, a transfer, a
     * consultation, an internal call) or ends the agent's part of the current call.
     */
    public void onAnswerButton(int seat) {
        Optional<Agent> agent = cx.acd.agentAtSeat(seat);
        if (agent.isEmpty()) {
            log.info("answer button on seat {} with no agent logged in", seat);
            return;
        }
        Agent a = agent.get();
        if (promptByPhone != null && promptByPhone.recording(seat)) {
            promptByPhone.stop(seat).whenComplete((ms, err) -> {
                if (err != null) {
                    log.warn("seat {}: the prompt recorded by phone was not saved: {}", seat, err.getMessage());
                }
            });
            return;
        }
        Call call = cx.callOf(a);
        if (call == null) {
            return;
        }
        if (a.state() == AgentState.OFFERED) {
            seatActions.answer(call, a);
        } else if (a.state() == AgentState.ON_CALL) {
            seatActions.hangUp(call, a);
        }
    }

    /** The READY/NOT-READY button: toggles an idle agent between ready and not ready (示忙). */
    public void onReadyButton(int seat) {
        cx.acd.agentAtSeat(seat).ifPresent(agents::toggleReady);
    }

    /**
     * Applies a changed configuration live (queues, agents, IVR, business hours, console rules,
     * recording of the IVR): calls in progress keep going; new calls and offers follow the new
     * document. New agents with a seat are logged in as at start; removed agents are logged out
     * at once when free, else they stay logged in until they log out. Signalling thread only.
     */
    public void reconfigure(BoxConfig next) {
        cx.config = next;
        ivr.reconfigure(next);
        Acd.Reconfigured r = cx.acd.reconfigure(next.queues(), next.agents());
        for (Agent a : r.added()) {
            if (a.seat() > 0 && cx.acd.agentAtSeat(a.seat()).isEmpty()) {
                login(a);
            }
        }
        for (Agent a : r.removed()) {
            if (cx.acd.logout(a)) {
                cx.events.agentState(a, "logout", "removed");
                cx.lamps.update(a);
            }
        }
        dispatch();
    }

    /** Logs an agent in at their seat, not ready. IllegalStateException if they are logged in or the seat is taken. */
    public void login(Agent a) {
        login(a, a.seat());
    }

    /** Logs an agent in at {@code seat}, not ready. IllegalStateException if they are logged in or the seat is taken. */
    public void login(Agent a, int seat) {
        agents.login(a, seat);
    }

    /** The board restarted and closed every channel: clear every call cleanly on its trunk. */
    public void onBoardRestarted() {
        clearAll("board restarted");
        cx.router.closeAll();
    }

    /** The box is stopping: every call is released on its trunk and its recording finished. */
    public void onShutdown() {
        clearAll("box stopping");
    }

    private void clearAll(String why) {
        for (Call call : new ArrayList<>(cx.calls.values())) {
            if (call.trunk() != null) {
                call.trunk().hangup(Q850Cause.TEMPORARY_FAILURE);
            }
            end(call, why, Q850Cause.TEMPORARY_FAILURE);
        }
    }

    /** Calls in progress, oldest first. */
    public List<Call> calls() {
        return List.copyOf(cx.calls.values());
    }

    public Acd acd() {
        return cx.acd;
    }

    /** Holds, transfers and consultations. */
    public AgentCallControl control() {
        return control;
    }

    /** Callback requests. */
    public Callbacks callbacks() {
        return callbacks;
    }

    /** Lets repair crews report stages by phone (docs/WORKORDERS.md); signalling thread. */
    public void enableCrewLine(io.branchbox.firmware.ivr.CrewDesk desk) {
        cx.crewDesk = desk;
    }

    /** Turns on recording prompts by phone; saving runs on {@code io} (it writes to disk). Call once. */
    public PromptByPhone enablePromptRecording(java.util.concurrent.Executor io) {
        promptByPhone = new PromptByPhone(cx, io);
        return promptByPhone;
    }

    /** Click to dial and internal calls. */
    public OutboundCalls outbound() {
        return outbound;
    }

    private void answer(Call call) {
        TrunkLeg far = call.far();
        if (!far.isCurrent(call) || !call.on(CallEvent.TRUNK_ANSWERED, cx.now())) {
            cx.channels.close(far.trunk().audioUnit(), far.trunk().audioChan());
            return;
        }
        TrunkCall tc = far.trunk();
        far.opened(cx.router.open(tc.audioUnit(), tc.audioChan()));
        tc.answer();
        call.answeredAt = call.stateSince();
        cx.events.answered(call);
        if (cx.config.recording().recordIvr()) {
            startRecording(call);
        }
        ivr.start(call);
    }

    /** Puts the call in its queue on {@code event}; see {@link QueueFlow#enqueue}. */
    void enqueue(Call call, boolean first, CallEvent event) {
        queues.enqueue(call, first, event);
    }

    /** Puts the call at the end of its queue's line however long it is (no overflow); see {@link QueueFlow#enqueue}. */
    void enqueueEvenIfFull(Call call) {
        queues.enqueue(call, false, CallEvent.QUEUE_JOINED, false);
    }

    /** Hands waiting calls and callbacks to ready agents. */
    void dispatch() {
        queues.dispatch();
    }

    /** Rings {@code a}'s seat for {@code call} on {@code event}; see {@link SeatActions#offer}. */
    void offer(Call call, Agent a, CallEvent event) {
        seatActions.offer(call, a, event);
    }

    /** The seat rang for {@code call} without an answer and {@code a} left it; see {@link QueueFlow#offerNotAnswered}. */
    void offerNotAnswered(Call call, Agent a) {
        queues.offerNotAnswered(call, a);
    }

    void startRecording(Call call) {
        call.recording = cx.recorder.start(call.id(), cx.now());
        cx.router.tap(call.trunkChannel(), call.recording);
    }

    private void fail(Call call, String why) {
        log.warn("call {} failed: {}", call.id(), why);
        call.trunk().hangup(Q850Cause.TEMPORARY_FAILURE);
        end(call, why, Q850Cause.TEMPORARY_FAILURE);
    }

    /** Clears the far side normally and ends the call. */
    void hangUpAndEnd(Call call, String why) {
        if (call.trunk() != null) {
            call.trunk().hangup(Q850Cause.NORMAL_CLEARING);
        }
        end(call, why, Q850Cause.NORMAL_CLEARING);
    }

    /** Ends the call; see {@link CallEnd#end}. Idempotent. */
    void end(Call call, String why, Q850Cause cause) {
        ending.end(call, why, cause);
    }

    /** What an agent does at their seat with the call that rings or talks there. */
    SeatActions seatActions() {
        return seatActions;
    }

    /** The agents' side: ready, release from a call, wrap-up. */
    AgentStates agents() {
        return agents;
    }

    CallContext context() {
        return cx;
    }
}
