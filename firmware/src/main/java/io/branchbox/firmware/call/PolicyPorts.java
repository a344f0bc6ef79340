package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.AudioSource;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.ivr.CrewDesk;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Call control's side of the policies' ports: each method builds the one implementation of a
 * policy's port over the call context and the manager, so the policies themselves
 * ({@link Callbacks}, ...) hold no reference to either and are tested alone with fakes.
 *
 * <p>Signalling thread only, like everything the ports do.
 */
final class PolicyPorts {
    private PolicyPorts() {}

    /** The callback requests' way into the ACD's line and to the dialler. */
    static Callbacks.Port callbacks(CallContext cx, CallManager calls) {
        return new Callbacks.Port() {
            @Override
            public void enqueue(String acdId, String queue, int priority, Instant placeSince) {
                cx.acd.enqueue(acdId, queue, priority, placeSince);
                calls.dispatch();
            }

            @Override
            public void withdraw(String acdId, Agent agent) {
                cx.acd.remove(acdId);
                cx.acd.release(agent);
                cx.acd.setState(agent, AgentState.READY);
            }

            @Override
            public void dial(Agent agent, String number, OutboundCalls.Outcome outcome) {
                calls.outbound().dial(agent, number, outcome);
            }

            @Override
            public boolean queueExists(String queue) {
                return cx.acd.queueNames().contains(queue);
            }

            @Override
            public String nextId() {
                return cx.ids.next();
            }

            @Override
            public BoxConfig.Console console() {
                return cx.config.console();
            }
        };
    }

    /** The survey's side of the caller: the survey prompt on their channel, their keys, the journal. */
    static Survey.Caller surveyCaller(CallContext cx) {
        return new Survey.Caller() {
            @Override
            public void ask(Call call) {
                cx.router.play(call.trunkChannel(), Prompts.once(cx.prompts.get(cx.config.ivr().surveyPrompt()), () -> { }));
            }

            @Override
            public void listen(Call call, Consumer<Character> onKey) {
                KeyListener.listen(cx, call, onKey);
            }

            @Override
            public void rated(Call call, Agent agent, char rating) {
                cx.events.survey(call, agent, rating);
            }
        };
    }

    /** The IVR's way to the caller's channel, the recording, the queue, the forward and the end. */
    static IvrFlow.Port ivr(CallContext cx, CallManager calls) {
        return new IvrFlow.Port() {
            @Override
            public BoxConfig config() {
                return cx.config;
            }

            @Override
            public CrewDesk crewDesk() {
                return cx.crewDesk;
            }

            @Override
            public void play(Call call, String prompt, Runnable heard) {
                cx.router.play(call.trunkChannel(), Prompts.once(cx.prompts.get(prompt), () -> cx.scheduler.execute(heard)));
            }

            @Override
            public void silence(Call call) {
                cx.router.play(call.trunkChannel(), AudioSource.SILENCE);
            }

            @Override
            public void listen(Call call, Consumer<Character> onKey) {
                KeyListener.listen(cx, call, onKey);
            }

            @Override
            public void stopListening(Call call) {
                KeyListener.stop(cx, call);
            }

            @Override
            public void record(Call call) {
                if (call.recording == null) {
                    calls.startRecording(call);
                }
            }

            @Override
            public void enqueue(Call call, boolean evenIfFull) {
                if (evenIfFull) {
                    calls.enqueueEvenIfFull(call);
                } else {
                    calls.enqueue(call, false, CallEvent.QUEUE_JOINED);
                }
            }

            @Override
            public void forward(Call call, String number) {
                calls.outbound().forward(call, number);
            }

            @Override
            public void hangUpAndEnd(Call call, String why) {
                calls.hangUpAndEnd(call, why);
            }
        };
    }

    /** The queue's way to the caller's ear, the seats, the end of a call and the agents' states. */
    static QueueFlow.Port queue(CallContext cx, CallManager calls) {
        return new QueueFlow.Port() {
            @Override
            public void announce(Call call, int position, Duration wait, Runnable done) {
                cx.router.play(call.trunkChannel(), cx.prompts.sequence(cx.prompts.positionAnnouncement(position, wait),
                        () -> cx.scheduler.execute(done)));
            }

            @Override
            public void music(Call call) {
                cx.router.play(call.trunkChannel(), Prompts.loop(cx.prompts.get("hold-music")));
            }

            @Override
            public BoxConfig config() {
                return cx.config;
            }

            @Override
            public Call call(String id) {
                return cx.calls.get(id);
            }

            @Override
            public void offer(Call call, Agent agent, CallEvent event) {
                calls.offer(call, agent, event);
            }

            @Override
            public void end(Call call, String why, Q850Cause cause) {
                calls.end(call, why, cause);
            }

            @Override
            public String resumeReason(Agent agent) {
                return cx.resumeNotReady.get(agent);
            }

            @Override
            public void ready(Agent agent, String why) {
                cx.setAgent(agent, AgentState.READY, why);
            }

            @Override
            public void free(Agent agent, String why) {
                calls.agents().free(agent, why);
            }

            @Override
            public void notReady(Agent agent, String why, String reason) {
                cx.acd.setNotReady(agent, reason);
                cx.events.agentState(agent, why, reason);
                cx.lamps.update(agent);
            }
        };
    }
}
