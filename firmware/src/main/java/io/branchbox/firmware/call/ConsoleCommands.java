package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.console.AgentSummary;
import io.branchbox.firmware.console.CallerHistory;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.ConsoleView;
import io.branchbox.firmware.console.EarlierCall;
import io.branchbox.firmware.console.MonitorMode;
import io.branchbox.firmware.console.TransferTarget;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The agent console on call control: each action hops onto the signalling thread, runs there and
 * completes the future; a precondition that fails completes it with the {@link ConsoleException}.
 * The screen pop's history is read from the database on {@code historyExecutor}, never on the
 * signalling thread.
 *
 * <p>Threading: callable from any thread.
 */
public final class ConsoleCommands implements AgentConsole {
    private static final int HISTORY = 10;
    private final CallManager calls;
    private final CallContext cx;
    private final CallerHistory history;
    private final Executor historyExecutor;
    private final AgentDesk desk;

    public ConsoleCommands(CallManager calls, CallerHistory history, Executor historyExecutor) {
        this.calls = calls;
        this.cx = calls.context();
        this.history = history;
        this.historyExecutor = historyExecutor;
        this.desk = new AgentDesk(cx, calls);
    }

    @Override
    public CompletableFuture<ConsoleView> view(String agentId) {
        return onSignalling(() -> desk.view(agent(agentId))).thenApplyAsync(v -> {
            if (v.call() == null || v.call().number().isEmpty()) {
                return v;
            }
            List<EarlierCall> earlier = history.earlierCalls(v.call().number(), HISTORY + 1).stream()
                    .filter(e -> !e.callId().equals(v.call().callId())).limit(HISTORY).toList();
            String name = v.call().name().isEmpty() ? earlier.stream().map(EarlierCall::customerName)
                    .filter(n -> n != null && !n.isBlank()).findFirst().orElse("") : v.call().name();
            ConsoleView.CallView c = v.call();
            return v.withCall(new ConsoleView.CallView(c.callId(), c.direction(), c.number(), name, c.queue(), c.state(),
                    c.since(), earlier));
        }, historyExecutor);
    }

    @Override
    public CompletableFuture<Void> login(String agentId, int seat) {
        return run(agentId, a -> desk.login(a, seat));
    }

    @Override
    public CompletableFuture<Void> logout(String agentId) {
        return run(agentId, desk::logout);
    }

    @Override
    public CompletableFuture<Void> ready(String agentId) {
        return run(agentId, desk::ready);
    }

    @Override
    public CompletableFuture<Void> notReady(String agentId, String reasonCode) {
        return run(agentId, a -> desk.notReady(a, reasonCode));
    }

    @Override
    public CompletableFuture<Void> answer(String agentId) {
        return run(agentId, a -> {
            Call call = cx.callOf(a);
            if (call == null || a.state() != AgentState.OFFERED) {
                throw new ConsoleException("no-call", "nothing rings at your seat");
            }
            calls.seatActions().answer(call, a);
        });
    }

    @Override
    public CompletableFuture<Void> hangup(String agentId) {
        return run(agentId, a -> {
            Call call = cx.callOf(a);
            if (call == null || a.state() != AgentState.ON_CALL) {
                throw new ConsoleException("no-call", "you have no call to end");
            }
            calls.seatActions().hangUp(call, a);
        });
    }

    @Override
    public CompletableFuture<Void> hold(String agentId) {
        return run(agentId, calls.control()::hold);
    }

    @Override
    public CompletableFuture<Void> retrieve(String agentId) {
        return run(agentId, calls.control()::retrieve);
    }

    @Override
    public CompletableFuture<Void> transfer(String agentId, TransferTarget to, boolean attended) {
        return run(agentId, a -> calls.control().transfer(a, to, attended));
    }

    @Override
    public CompletableFuture<Void> completeTransfer(String agentId) {
        return run(agentId, calls.control()::completeTransfer);
    }

    @Override
    public CompletableFuture<Void> dial(String agentId, String number) {
        return run(agentId, a -> calls.outbound().dial(a, number));
    }

    @Override
    public CompletableFuture<Void> wrapUp(String agentId, String callId, String code, String notes, String customerName) {
        return run(agentId, a -> desk.wrapUp(a, callId, code, notes, customerName));
    }

    @Override
    public CompletableFuture<Void> monitor(String supervisorId, String agentId, MonitorMode mode) {
        return onSignalling(() -> {
            calls.control().monitor(agent(supervisorId), agent(agentId), mode);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<AgentSummary>> agents() {
        return onSignalling(desk::summaries);
    }

    @Override
    public CompletableFuture<List<io.branchbox.firmware.console.CallbackView>> callbacks() {
        return onSignalling(() -> calls.callbacks().views());
    }

    @Override
    public CompletableFuture<Void> bookCallback(String agentId, String number, String queue) {
        return run(agentId, a -> calls.callbacks().bookNumber(a, number, queue));
    }

    private Agent agent(String id) {
        return cx.acd.agent(id).or(() -> desk.configured(id))
                .orElseThrow(() -> new ConsoleException("no-such-agent", "no agent " + id + " is configured"));
    }

    private CompletableFuture<Void> run(String agentId, java.util.function.Consumer<Agent> action) {
        return onSignalling(() -> {
            action.accept(agent(agentId));
            return null;
        });
    }

    private <T> CompletableFuture<T> onSignalling(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        cx.scheduler.execute(() -> {
            try {
                f.complete(work.get());
            } catch (ConsoleException e) {
                f.completeExceptionally(e);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
                throw e; // a bug in call control: let the scheduler log it too
            }
        });
        return f;
    }
}
