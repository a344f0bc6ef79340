package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
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
}
