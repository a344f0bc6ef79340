package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigValidator;
import io.branchbox.firmware.console.AgentSummary;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.ConsoleView;
import java.util.List;
import java.util.Optional;

/**
 * An agent's own work state from the console: log in at a seat, log out, ready, not ready with a
 * reason code (示忙), the wrap-up of a finished call, and what the console shows. Calls themselves
 * are {@link CallManager}'s, {@link AgentCallControl}'s and {@link OutboundCalls}'s.
 *
 * <p>Signalling thread only.
 */
final class AgentDesk {
    private final CallContext cx;
    private final CallManager calls;

    AgentDesk(CallContext cx, CallManager calls) {
        this.cx = cx;
        this.calls = calls;
    }

    /** A configured agent who has not logged in since the start, as a logged-out agent. */
    Optional<Agent> configured(String id) {
        return cx.config.agents().stream().filter(a -> a.id().equals(id)).findFirst().map(a -> {
            Agent agent = Agent.from(a, cx.now());
            cx.acd.addAgent(agent); // known from now on, logged out, so that a login finds this one
            return agent;
        });
    }

    void login(Agent a, int seat) {
        if (seat < 1 || seat > ConfigValidator.MAX_SEATS) {
            throw new ConsoleException("no-seat", "seat " + seat + " does not exist");
        }
        Optional<Agent> there = cx.acd.agentAtSeat(seat);
        if (there.isPresent() && there.get() != a) {
            throw new ConsoleException("seat-taken", "seat " + seat + " is taken by " + there.get().id());
        }
        if (a.callId() != null) {
            throw new ConsoleException("busy", "finish your call first");
        }
        if (a.state() != AgentState.LOGGED_OUT) {
            if (a.seat() == seat) {
                return; // already there: logging in twice is harmless
            }
            logout(a);
        }
        calls.login(a, seat);
    }

    void logout(Agent a) {
        if (a.callId() != null) {
            throw new ConsoleException("busy", "finish your call first");
        }
        cx.lamps.clear(a);
        if (!cx.acd.logout(a)) {
            throw new ConsoleException("busy", "finish your call and wrap-up first");
        }
        cx.events.agentState(a, "logout");
    }

    void ready(Agent a) {
        if (a.state() != AgentState.NOT_READY && a.state() != AgentState.WRAP_UP) {
            throw new ConsoleException("wrong-state", "you are " + words(a.state()));
        }
        calls.agents().setReady(a, a.state() == AgentState.WRAP_UP ? "wrap-up done" : "console");
    }

    void notReady(Agent a, String code) {
        if (!cx.config.console().notReadyReasons().contains(code)) {
            throw new ConsoleException("bad-code", "'" + code + "' is not a not-ready reason here");
        }
        if (a.state() != AgentState.READY && a.state() != AgentState.NOT_READY && a.state() != AgentState.WRAP_UP) {
            throw new ConsoleException("wrong-state", "you are " + words(a.state()));
        }
        cx.acd.setNotReady(a, code);
        cx.events.agentState(a, "console", code);
        cx.lamps.update(a);
    }

    void wrapUp(Agent a, String callId, String code, String notes, String customer) {
        if (!cx.config.console().wrapUpCodes().contains(code)) {
            throw new ConsoleException("bad-code", "'" + code + "' is not a wrap-up code here");
        }
        if (!callId.equals(cx.lastCall.get(a))) {
            throw new ConsoleException("no-call", "call " + callId + " is not yours to classify");
        }
        cx.events.wrapUp(callId, a, code, notes, customer);
    }

    ConsoleView view(Agent a) {
        Call call = cx.callOf(a);
        ConsoleView.CallView cv = call == null ? null : new ConsoleView.CallView(call.id(), call.direction().name(),
                call.farNumber(), "", call.queue(), callState(call, a), call.stateSince(), List.of());
        BoxConfig.Console rules = cx.config.console();
        return new ConsoleView(a.id(), a.name(), a.seat(), a.state().name(), a.reasonCode(), a.since(), cv,
                cx.lastCall.getOrDefault(a, ""), rules.notReadyReasons(), rules.wrapUpCodes(), a.queues(),
                calls.outbound().lastFailure(a));
    }

    List<AgentSummary> summaries() {
        return cx.acd.agents().stream().map(a -> new AgentSummary(a.id(), a.name(), a.seat(), a.state().name(),
                a.reasonCode(), a.since(), a.callId() == null ? "" : a.callId())).toList();
    }

    private static String callState(Call call, Agent a) {
        if (call.consultAgent() == a) {
            return a.state() == AgentState.OFFERED ? "OFFERED" : "CONSULTING";
        }
        return call.state() == Call.State.QUEUED ? "OFFERED" : call.state().name();
    }

    private static String words(AgentState s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
