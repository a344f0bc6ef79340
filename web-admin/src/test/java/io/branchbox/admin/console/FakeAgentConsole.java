package io.branchbox.admin.console;

import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.console.AgentSummary;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.ConsoleView;
import io.branchbox.firmware.console.ConsoleView.CallView;
import io.branchbox.firmware.console.EarlierCall;
import io.branchbox.firmware.console.MonitorMode;
import io.branchbox.firmware.console.TransferTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Call control as the console sees it, in a few lines of state per agent: enough for the pages to
 * show a seat, a ringing call with its screen pop, hold, transfer and wrap-up. Records every act as
 * {@code "<action> <agent> <args>"} in {@link #acts}; a test can make the next act fail with a
 * {@link ConsoleException}, throw, or never answer. Thread-safe (Jetty threads and the test).
 */
public final class FakeAgentConsole implements AgentConsole {
    public static final List<String> REASONS = List.of("lunch", "training");
    public static final List<String> CODES = List.of("repair-accepted", "inquiry-answered");
    public static final List<String> QUEUES = List.of("repairs", "inquiry");
    public static final Instant T0 = Instant.parse("2026-01-05T08:30:00Z");

    public final List<String> acts = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private RuntimeException nextFailure;
    private boolean neverAnswer;

    private static final class Agent {
        final String id;
        final String name;
        int seat;
        String state = "LOGGED_OUT";
        String reason = "";
        CallView call;
        String lastCallId = "";

        Agent(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** Agents {@code agent-user}, {@code supervisor-user} and {@code zhao}, all logged out. */
    public FakeAgentConsole() {
        for (String[] a : new String[][] {{"agent-user", "Li Na"}, {"supervisor-user", "Wang Fang"}, {"zhao", "Zhao Lei"}}) {
            agents.put(a[0], new Agent(a[0], a[1]));
        }
    }

    /** Rings {@code agentId}'s seat with {@code call} (state OFFERED). */
    public synchronized void offer(String agentId, CallView call) {
        Agent a = agents.get(agentId);
        a.call = call;
        a.state = "OFFERED";
    }

    /** The next act (view included) fails with {@code failure} instead of being carried out. */
    public synchronized void failNext(RuntimeException failure) {
        nextFailure = failure;
    }

    /** From now on every act is recorded but never answered (call control stuck). */
    public synchronized void neverAnswer() {
        neverAnswer = true;
    }

    /** A call from 13800138000 whose earlier call's notes hold markup. */
    public static CallView sampleCall() {
        return new CallView("20260105-083000-0001", "IN", "13800138000", "<script>alert(1)</script>", "repairs",
                "OFFERED", T0, List.of(new EarlierCall("20260101-100000-0007", T0.minusSeconds(4 * 86_400), "IN",
                        "zhao", "ANSWERED", "repair-accepted", "<b>x</b> power cut since noon", "Mr Chen")));
    }

    @Override
    public synchronized CompletableFuture<ConsoleView> view(String agentId) {
        return run(null, () -> {
            Agent a = agent(agentId);
            return new ConsoleView(a.id, a.name, a.seat, a.state, a.reason, T0, a.call, a.lastCallId, REASONS, CODES,
                    QUEUES);
        });
    }

    @Override
    public synchronized CompletableFuture<Void> login(String agentId, int seat) {
        return act("login " + agentId + " " + seat, () -> {
            Agent a = agent(agentId);
            for (Agent other : agents.values()) {
                if (other != a && other.seat == seat) {
                    throw new ConsoleException("seat-taken", "seat " + seat + " is taken by " + other.name);
                }
            }
            a.seat = seat;
            a.state = "NOT_READY";
        });
    }

    @Override
    public synchronized CompletableFuture<Void> logout(String agentId) {
        return act("logout " + agentId, () -> {
            Agent a = agent(agentId);
            if (a.call != null) {
                throw new ConsoleException("busy", "finish your call first");
            }
            a.seat = 0;
            a.state = "LOGGED_OUT";
        });
    }

    @Override
    public synchronized CompletableFuture<Void> ready(String agentId) {
        return act("ready " + agentId, () -> seated(agentId).state = "READY");
    }

    @Override
    public synchronized CompletableFuture<Void> notReady(String agentId, String reasonCode) {
        return act("not-ready " + agentId + " " + reasonCode, () -> {
            Agent a = seated(agentId);
            if (!REASONS.contains(reasonCode)) {
                throw new ConsoleException("bad-code", "no reason code " + reasonCode);
            }
            a.state = "NOT_READY";
            a.reason = reasonCode;
        });
    }

    @Override
    public synchronized CompletableFuture<Void> answer(String agentId) {
        return act("answer " + agentId, () -> setCall(agentId, "OFFERED", "CONNECTED"));
    }

    @Override
    public synchronized CompletableFuture<Void> hangup(String agentId) {
        return act("hangup " + agentId, () -> leave(withCall(agentId)));
    }

    @Override
    public synchronized CompletableFuture<Void> hold(String agentId) {
        return act("hold " + agentId, () -> setCall(agentId, "CONNECTED", "HELD"));
    }

    @Override
    public synchronized CompletableFuture<Void> retrieve(String agentId) {
        return act("retrieve " + agentId, () -> setCall(agentId, null, "CONNECTED"));
    }

    @Override
    public synchronized CompletableFuture<Void> transfer(String agentId, TransferTarget to, boolean attended) {
        return act("transfer " + agentId + " " + to + (attended ? " attended" : " blind"), () -> {
            Agent a = withCall(agentId);
            if (to.kind() == TransferTarget.Kind.QUEUE && !QUEUES.contains(to.name())) {
                throw new ConsoleException("no-such-queue", "no queue " + to.name());
            }
            if (to.kind() == TransferTarget.Kind.AGENT) {
                agent(to.name());
            }
            if (attended) {
                setCall(agentId, null, "CONSULTING");
            } else {
                leave(a);
            }
        });
    }

    @Override
    public synchronized CompletableFuture<Void> completeTransfer(String agentId) {
        return act("complete-transfer " + agentId, () -> {
            setCall(agentId, "CONSULTING", "CONSULTING");
            leave(agent(agentId));
        });
    }

    @Override
    public synchronized CompletableFuture<Void> dial(String agentId, String number) {
        return act("dial " + agentId + " " + number, () -> {
            Agent a = seated(agentId);
            a.call = new CallView("20260105-090000-0002", "OUT", number, "", "", "DIALLING", T0, List.of());
            a.state = "ON_CALL";
        });
    }

    @Override
    public synchronized CompletableFuture<Void> wrapUp(String agentId, String callId, String code, String notes,
            String customerName) {
        return act("wrap-up " + agentId + " " + callId + " " + code + " [" + notes + "] [" + customerName + "]", () -> {
            Agent a = agent(agentId);
            if (!callId.equals(a.lastCallId)) {
                throw new ConsoleException("no-call", "no call " + callId + " to wrap up");
            }
            if (!CODES.contains(code)) {
                throw new ConsoleException("bad-code", "no wrap-up code " + code);
            }
            a.lastCallId = "";
            a.state = "NOT_READY";
        });
    }

    @Override
    public synchronized CompletableFuture<Void> monitor(String supervisorId, String agentId, MonitorMode mode) {
        return act("monitor " + supervisorId + " " + agentId + " " + mode, () -> {
            agent(supervisorId);
            withCall(agentId);
        });
    }

    @Override
    public synchronized CompletableFuture<List<AgentSummary>> agents() {
        return run(null, () -> agents.values().stream().map(a -> new AgentSummary(a.id, a.name, a.seat, a.state,
                a.reason, T0, a.call == null ? "" : a.call.callId())).toList());
    }

    private Agent agent(String id) {
        Agent a = agents.get(id);
        if (a == null) {
            throw new ConsoleException("no-such-agent", "no agent " + id + " is configured");
        }
        return a;
    }

    private Agent seated(String id) {
        Agent a = agent(id);
        if (a.seat == 0) {
            throw new ConsoleException("not-logged-in", "log in to a seat first");
        }
        return a;
    }

    private Agent withCall(String id) {
        Agent a = agent(id);
        if (a.call == null) {
            throw new ConsoleException("no-call", "you have no call");
        }
        return a;
    }

    private void setCall(String id, String from, String to) {
        Agent a = withCall(id);
        if (from != null && !a.call.state().equals(from)) {
            throw new ConsoleException("wrong-state", "the call is " + a.call.state());
        }
        CallView c = a.call;
        a.call = new CallView(c.callId(), c.direction(), c.number(), c.name(), c.queue(), to, c.since(), c.history());
        a.state = "ON_CALL";
    }

    private static void leave(Agent a) {
        a.lastCallId = a.call.callId();
        a.call = null;
        a.state = "WRAP_UP";
    }

    /** The callback list: "number queue" per booking. */
    public final List<String> callbackList = Collections.synchronizedList(new ArrayList<>());

    @Override
    public CompletableFuture<List<io.branchbox.firmware.console.CallbackView>> callbacks() {
        return run(null, () -> callbackList.stream().map(s -> s.split(" ")).map(p -> new io.branchbox.firmware.console.CallbackView(
                "cb" + p[0], p[0], p[1], 0, T0, 0)).toList());
    }

    @Override
    public synchronized CompletableFuture<Void> bookCallback(String agentId, String number, String queue) {
        if (!QUEUES.contains(queue)) {
            return CompletableFuture.failedFuture(new ConsoleException("no-such-queue", "no queue " + queue));
        }
        return act("callback " + agentId + " " + number + " " + queue, () -> callbackList.add(number + " " + queue));
    }

    private CompletableFuture<Void> act(String what, Runnable change) {
        acts.add(what);
        return run(what, () -> {
            change.run();
            return null;
        });
    }

    private <T> CompletableFuture<T> run(String what, Supplier<T> work) {
        if (neverAnswer) {
            return new CompletableFuture<>();
        }
        RuntimeException failure = nextFailure;
        nextFailure = null;
        if (failure instanceof ConsoleException) {
            return CompletableFuture.failedFuture(failure);
        }
        if (failure != null) {
            throw failure;
        }
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (ConsoleException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
