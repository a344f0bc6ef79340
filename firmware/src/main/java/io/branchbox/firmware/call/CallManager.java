package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.firmware.audio.AudioSource;
import io.branchbox.firmware.dsp.DtmfDetector;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Call control for inbound calls: answer, greet, queue, offer to an agent's seat, bridge and
 * record, and clear, journaling each step. Independent of the trunk type (any {@link TrunkCall})
 * and of the board (through {@link CallControlPorts}).
 *
 * <p>Threading: every public method must be called on the signalling scheduler's thread; results
 * of the board and the recorder arrive as futures and are hopped back onto it.
 */
public final class CallManager {
    private static final Logger log = LoggerFactory.getLogger(CallManager.class);
    /** Q.850 causes used here. */
    static final int NORMAL_CLEARING = 16;
    static final int TEMPORARY_FAILURE = 41;
    private static final Duration SURVEY_TIMEOUT = Duration.ofSeconds(15);

    private final BoxConfig config;
    private final Scheduler scheduler;
    private final Acd acd;
    private final AudioRouter router;
    private final CallControlPorts.Channels channels;
    private final CallControlPorts.Recorder recorder;
    private final CallEventLog events;
    private final SeatLampDriver lamps;
    private final Prompts prompts;
    private final CallIds ids;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final Map<TrunkCall, Call> byTrunk = new LinkedHashMap<>();

    public CallManager(BoxConfig config, Scheduler scheduler, Acd acd, AudioRouter router,
            CallControlPorts.Channels channels, CallControlPorts.Recorder recorder, CallControlPorts.Events events,
            CallControlPorts.SeatLamps lamps, Prompts prompts) {
        this.config = config;
        this.scheduler = scheduler;
        this.acd = acd;
        this.router = router;
        this.channels = channels;
        this.recorder = recorder;
        this.events = new CallEventLog(events);
        this.lamps = new SeatLampDriver(lamps, acd, scheduler);
        this.prompts = prompts;
        this.ids = new CallIds(scheduler.clock(), java.time.ZoneId.of(config.site().timezone()));
    }

    /** A trunk offers a call. */
    public void onIncoming(TrunkCall tc) {
        String queue = config.ivr().numberToQueue().getOrDefault(tc.calledNumber(), config.ivr().defaultQueue());
        Call call = new Call(ids.next(), tc, queue, scheduler.clock().instant());
        calls.put(call.id(), call);
        byTrunk.put(tc, call);
        try (MDC.MDCCloseable m = MDC.putCloseable("call", call.id())) {
            log.info("incoming call on {} from '{}' to '{}', queue {}", tc.trunk(), tc.callingNumber(), tc.calledNumber(), queue);
        }
        events.started(call);
        channels.open(tc.audioUnit(), tc.audioChan()).whenComplete((ok, err) -> scheduler.execute(() -> {
            if (err != null) {
                fail(call, "board did not open " + tc.trunk() + ": " + err.getMessage());
            } else {
                answer(call);
            }
        }));
    }

    /** The trunk cleared a call (the caller hung up, or the network released it). */
    public void onTrunkCleared(TrunkCall tc, int cause) {
        Call call = byTrunk.get(tc);
        if (call != null) {
            end(call, "trunk cleared, cause " + cause, cause);
        }
    }

    /** The ANSWER/HANG-UP button of a seat: answers an offered call or ends the current one. */
    public void onAnswerButton(int seat) {
        Optional<Agent> agent = acd.agentAtSeat(seat);
        if (agent.isEmpty()) {
            log.info("answer button on seat {} with no agent logged in", seat);
            return;
        }
        Agent a = agent.get();
        Call call = a.callId() == null ? null : calls.get(a.callId());
        if (call == null) {
            return;
        }
        if (a.state() == AgentState.OFFERED) {
            connect(call, a);
        } else if (a.state() == AgentState.ON_CALL) {
            if (config.ivr().surveyPrompt().isEmpty()) {
                call.trunk().hangup(NORMAL_CLEARING);
                end(call, "agent " + a.id() + " hung up", NORMAL_CLEARING);
            } else {
                startSurvey(call, a);
            }
        }
    }

    /** The READY/NOT-READY button: toggles an idle agent between ready and not ready (示忙). */
    public void onReadyButton(int seat) {
        acd.agentAtSeat(seat).ifPresent(a -> {
            if (a.state() == AgentState.READY) {
                setAgent(a, AgentState.NOT_READY, "button");
            } else if (a.state() == AgentState.NOT_READY) {
                setAgent(a, AgentState.READY, "button");
                dispatch();
            }
        });
    }

    /** Logs an agent in at their seat, not ready. */
    public void login(Agent a) {
        acd.addAgent(a);
        setAgent(a, AgentState.NOT_READY, "login");
    }

    /** The board restarted and closed every channel: clear every call cleanly on its trunk. */
    public void onBoardRestarted() {
        for (Call call : new ArrayList<>(calls.values())) {
            call.trunk().hangup(TEMPORARY_FAILURE);
            end(call, "board restarted", TEMPORARY_FAILURE);
        }
        router.closeAll();
    }

    /** Calls in progress, oldest first. */
    public List<Call> calls() {
        return List.copyOf(calls.values());
    }

    public Acd acd() {
        return acd;
    }

    private void answer(Call call) {
        if (call.ended()) {
            channels.close(call.trunk().audioUnit(), call.trunk().audioChan());
            return;
        }
        TrunkCall tc = call.trunk();
        call.trunkChannel = router.open(tc.audioUnit(), tc.audioChan());
        tc.answer();
        call.answeredAt = scheduler.clock().instant();
        call.setState(Call.State.IVR, call.answeredAt);
        events.answered(call);
        if (config.recording().recordIvr()) {
            startRecording(call);
        }
        router.play(call.trunkChannel, Prompts.once(prompts.get(config.ivr().greetingPrompt()),
                () -> scheduler.execute(() -> greetingDone(call))));
    }

    private void greetingDone(Call call) {
        if (call.state() != Call.State.IVR) {
            return;
        }
        call.setState(Call.State.QUEUED, scheduler.clock().instant());
        router.play(call.trunkChannel, Prompts.loop(prompts.get("hold-music")));
        acd.enqueue(call.id(), call.queue());
        events.queued(call);
        armMaxWait(call);
        dispatch();
    }

    private void armMaxWait(Call call) {
        BoxConfig.Queue q = acd.queue(call.queue());
        if (!q.overflowQueue().isEmpty()) {
            call.waitTimer = scheduler.schedule(Duration.ofSeconds(q.maxWaitS()), () -> overflow(call));
        }
    }

    /** The call waited its queue's maximum: it moves to the overflow queue, ahead of later callers there. */
    private void overflow(Call call) {
        if (call.state() == Call.State.OFFERED) {
            call.waitTimer = scheduler.schedule(Duration.ofSeconds(1), () -> overflow(call)); // let the ring finish
            return;
        }
        if (call.state() != Call.State.QUEUED) {
            return;
        }
        String from = call.queue();
        acd.remove(call.id());
        call.setQueue(acd.queue(from).overflowQueue());
        acd.requeueFirst(call.id(), call.queue());
        events.overflowed(call, from);
        log.info("call {} waited {} s in {}: moved to {}", call.id(), acd.queue(from).maxWaitS(), from, call.queue());
        armMaxWait(call);
        dispatch();
    }

    private void dispatch() {
        acd.dispatch((callId, agent) -> offer(calls.get(callId), agent));
    }

    private void offer(Call call, Agent a) {
        call.agent = a;
        call.setState(Call.State.OFFERED, scheduler.clock().instant());
        events.offered(call, a);
        events.agentState(a, "offered");
        Duration timeout = Duration.ofSeconds(acd.queue(call.queue()).offerTimeoutS());
        call.timer = scheduler.schedule(timeout, () -> offerNotAnswered(call, a));
        lamps.update(a);
    }

    private void offerNotAnswered(Call call, Agent a) {
        if (call.state() != Call.State.OFFERED || call.agent != a) {
            return;
        }
        events.offerMissed(call, a);
        acd.release(a);
        call.agent = null;
        setAgent(a, AgentState.NOT_READY, "missed offer");
        call.setState(Call.State.QUEUED, scheduler.clock().instant());
        acd.requeueFirst(call.id(), call.queue());
        dispatch();
    }

    private void connect(Call call, Agent a) {
        call.timer.cancel();
        call.waitTimer.cancel();
        int unit = 0x30 + a.seat() - 1;
        channels.open(unit, 0).whenComplete((ok, err) -> scheduler.execute(() -> {
            if (call.ended()) {
                channels.close(unit, 0);
                return;
            }
            if (err != null) {
                log.warn("call {}: seat {} headset channel did not open: {}", call.id(), a.seat(), err.getMessage());
                acd.release(a);
                setAgent(a, AgentState.NOT_READY, "headset fault");
                call.agent = null;
                call.setState(Call.State.QUEUED, scheduler.clock().instant());
                acd.requeueFirst(call.id(), call.queue());
                dispatch();
                return;
            }
            call.seatChannel = router.open(unit, 0);
            router.bridge(call.trunkChannel, call.seatChannel);
            call.connectedAt = scheduler.clock().instant();
            call.setState(Call.State.CONNECTED, call.connectedAt);
            setAgent(a, AgentState.ON_CALL, "answered");
            events.connected(call, a);
            if (call.recording == null) {
                startRecording(call);
            }
        }));
    }

    private void startRecording(Call call) {
        call.recording = recorder.start(call.id(), scheduler.clock().instant());
        router.tap(call.trunkChannel, call.recording);
    }

    private void fail(Call call, String why) {
        log.warn("call {} failed: {}", call.id(), why);
        call.trunk().hangup(TEMPORARY_FAILURE);
        end(call, why, TEMPORARY_FAILURE);
    }

    private void end(Call call, String why, int cause) {
        if (call.ended()) {
            return;
        }
        Call.State was = call.state();
        call.setState(Call.State.ENDED, scheduler.clock().instant());
        call.timer.cancel();
        call.waitTimer.cancel();
        calls.remove(call.id());
        byTrunk.remove(call.trunk());
        acd.remove(call.id());
        TrunkCall tc = call.trunk();
        if (call.trunkChannel != null) {
            router.tap(call.trunkChannel, null);
            router.close(tc.audioUnit(), tc.audioChan());
            channels.close(tc.audioUnit(), tc.audioChan());
        }
        if (call.seatChannel != null) {
            router.close(call.seatChannel.unit(), 0);
            channels.close(call.seatChannel.unit(), 0);
        }
        Agent a = call.agent;
        if (a != null && was != Call.State.SURVEY) {
            acd.release(a);
            if (was == Call.State.CONNECTED) {
                wrapUp(a, acd.queue(call.queue()).wrapUpS());
            } else {
                setAgent(a, AgentState.READY, "offer withdrawn");
            }
        }
        if (call.recording != null) {
            call.recording.finish().whenComplete((r, err) -> scheduler.execute(() -> events.recorded(call, r, err)));
        }
        events.ended(call, was, cause, why);
        dispatch();
    }

    /**
     * The agent hung up: the agent goes to wrap-up at once while the caller hears the survey
     * prompt and rates the call with one key (1 satisfied, 2 neutral, 3 dissatisfied). The
     * recording goes on to the end of the call. No key within {@link #SURVEY_TIMEOUT}: the box
     * hangs up without a rating.
     */
    private void startSurvey(Call call, Agent a) {
        router.close(call.seatChannel.unit(), 0);
        channels.close(call.seatChannel.unit(), 0);
        call.seatChannel = null;
        acd.release(a);
        wrapUp(a, acd.queue(call.queue()).wrapUpS());
        call.setState(Call.State.SURVEY, scheduler.clock().instant());
        CallControlPorts.Session recording = call.recording;
        DtmfDetector keys = new DtmfDetector((digit, sample) -> scheduler.execute(() -> surveyKey(call, digit)));
        router.tap(call.trunkChannel, (rx, ro, tx, to) -> {
            if (recording != null) {
                recording.frame(rx, ro, tx, to);
            }
            keys.process(rx, ro, AudioSource.FRAME);
        });
        router.play(call.trunkChannel, Prompts.once(prompts.get(config.ivr().surveyPrompt()), () -> { }));
        call.timer = scheduler.schedule(SURVEY_TIMEOUT, () -> {
            if (call.state() == Call.State.SURVEY) {
                call.trunk().hangup(NORMAL_CLEARING);
                end(call, "survey not answered", NORMAL_CLEARING);
            }
        });
    }

    private void surveyKey(Call call, char key) {
        if (call.state() != Call.State.SURVEY || key < '1' || key > '3') {
            return;
        }
        events.survey(call, call.agent, key);
        call.trunk().hangup(NORMAL_CLEARING);
        end(call, "survey answered " + key, NORMAL_CLEARING);
    }

    private void wrapUp(Agent a, int seconds) {
        setAgent(a, AgentState.WRAP_UP, "call ended");
        scheduler.schedule(Duration.ofSeconds(seconds), () -> {
            if (a.state() == AgentState.WRAP_UP) {
                setAgent(a, AgentState.READY, "wrap-up over");
                dispatch();
            }
        });
    }

    private void setAgent(Agent a, AgentState s, String reason) {
        acd.setState(a, s);
        events.agentState(a, reason);
        lamps.update(a);
    }
}
