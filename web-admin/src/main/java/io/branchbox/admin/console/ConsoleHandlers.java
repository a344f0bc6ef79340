package io.branchbox.admin.console;

import io.branchbox.admin.http.JsonBodies;
import io.branchbox.admin.console.ConsoleCalls.Refused;
import io.branchbox.admin.console.ConsoleRequests.Dial;
import io.branchbox.admin.console.ConsoleRequests.Login;
import io.branchbox.admin.console.ConsoleRequests.Monitor;
import io.branchbox.admin.console.ConsoleRequests.NotReady;
import io.branchbox.admin.console.ConsoleRequests.Transfer;
import io.branchbox.admin.console.ConsoleRequests.WrapUp;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.http.Paging;
import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.console.AgentSummary;
import io.branchbox.firmware.console.MonitorMode;
import io.branchbox.firmware.console.TransferTarget;
import io.branchbox.time.Scheduler;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent console API, {@code /api/console/...}, over call control's {@link AgentConsole}.
 *
 * <p>Who acts: {@code agentOf} gives the agent id of the request's logged-in user (the box binds
 * user name = agent id); no handler reads an agent id from the request, except {@link #monitor},
 * whose body names the agent a supervisor joins (the supervisor acts from their own id). Login,
 * role and CSRF checks are done before these run by the route table's access rules.
 *
 * <p>Answers: the view and agent lists as JSON; actions {@code {"ok":true}}; a refused action
 * {@code {"error", "code", "message"}} with 409 (400/404 for unknown codes, agents or queues), 503
 * while no console is attached or when call control does not answer within the timeout; bad input
 * 400 before call control is asked. Every act is logged with the agent id; notes, names and dialled
 * numbers are customer data and are never logged.
 *
 * <p>Threading: Jetty worker threads, concurrently; each blocks until call control answers or the
 * timeout passes. {@link #attach} may be called at any time, before or after the server starts.
 */
public final class ConsoleHandlers {
    /** How long a request waits for call control before answering 503. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ConsoleHandlers.class);
    private static final Map<String, Boolean> OK = Map.of("ok", true);

    private final JsonBodies bodies;
    private final Function<Context, String> agentOf;
    private final ConsoleCalls calls;
    private final Words words;

    /**
     * The words for a refusal in the language of the request's user: the catalogue text of
     * {@code console.refused.<code>}. Every code call control can give has one (a test checks).
     */
    @FunctionalInterface
    public interface Words {
        String refusal(Context ctx, String code);
    }

    /**
     * Without a console until {@link #attach} is called.
     *
     * @param bodies  the admin's JSON body reader
     * @param agentOf the agent id of a request's logged-in user (from the session only)
     * @param timeout how long to wait for call control
     */
    public ConsoleHandlers(JsonBodies bodies, Function<Context, String> agentOf, Duration timeout) {
        this(bodies, agentOf, timeout, (ctx, code) -> null);
    }

    /** As above, with refusals in the user's language ({@code words}; null from it: call control's English). */
    public ConsoleHandlers(JsonBodies bodies, Function<Context, String> agentOf, Duration timeout, Words words) {
        this.bodies = bodies;
        this.agentOf = agentOf;
        this.calls = new ConsoleCalls(timeout);
        this.words = words;
    }

    /** Attaches call control's console; {@code timeouts} runs the waits' deadlines. {@code null} detaches. */
    public void attach(AgentConsole console, Scheduler timeouts) {
        calls.attach(console, timeouts);
    }

    /** {@code GET /api/console/view}: the agent's own console. */
    public void view(Context ctx) {
        String agent = agentOf.apply(ctx);
        answer(ctx, () -> ConsoleJson.View.of(calls.call(c -> c.view(agent))));
    }

    /** {@code POST /api/console/login {"seat": 3}}. */
    public void login(Context ctx) {
        int seat = bodies.read(ctx, Login.class).checkedSeat();
        act(ctx, "logs in at seat " + seat, (c, agent) -> c.login(agent, seat));
    }

    public void logout(Context ctx) {
        act(ctx, "logs out", (c, agent) -> c.logout(agent));
    }

    public void ready(Context ctx) {
        act(ctx, "is ready", (c, agent) -> c.ready(agent));
    }

    /** {@code POST /api/console/not-ready {"reason": "lunch"}}. */
    public void notReady(Context ctx) {
        String reason = bodies.read(ctx, NotReady.class).checkedReason();
        act(ctx, "is not ready: " + reason, (c, agent) -> c.notReady(agent, reason));
    }

    public void answer(Context ctx) {
        act(ctx, "answers", (c, agent) -> c.answer(agent));
    }

    public void hangup(Context ctx) {
        act(ctx, "hangs up", (c, agent) -> c.hangup(agent));
    }

    public void hold(Context ctx) {
        act(ctx, "holds", (c, agent) -> c.hold(agent));
    }

    public void retrieve(Context ctx) {
        act(ctx, "retrieves", (c, agent) -> c.retrieve(agent));
    }

    /** {@code POST /api/console/transfer {"kind": "agent"|"queue", "name": "...", "attended": false}}. */
    public void transfer(Context ctx) {
        Transfer request = bodies.read(ctx, Transfer.class);
        TransferTarget target = request.checkedTarget();
        boolean attended = request.isAttended();
        act(ctx, (attended ? "consults " : "transfers to ") + target,
                (c, agent) -> c.transfer(agent, target, attended));
    }

    public void completeTransfer(Context ctx) {
        act(ctx, "completes the transfer", (c, agent) -> c.completeTransfer(agent));
    }

    /** {@code POST /api/console/dial {"number": "95598"}}. */
    public void dial(Context ctx) {
        String number = bodies.read(ctx, Dial.class).checkedNumber();
        act(ctx, "dials out", (c, agent) -> c.dial(agent, number));
    }

    /** {@code POST /api/console/wrap-up {"callId", "code", "notes", "customerName"}}. */
    public void wrapUp(Context ctx) {
        WrapUp request = bodies.read(ctx, WrapUp.class);
        String callId = request.checkedCallId();
        String code = request.checkedCode();
        String notes = request.checkedNotes();
        String name = request.checkedCustomerName();
        act(ctx, "wraps up call " + callId + " as " + code,
                (c, agent) -> c.wrapUp(agent, callId, code, notes, name));
    }

    /** {@code POST /api/console/monitor {"agentId": "li", "mode": "LISTEN"}}: supervisors only (route table). */
    public void monitor(Context ctx) {
        Monitor request = bodies.read(ctx, Monitor.class);
        String target = request.checkedAgentId();
        MonitorMode mode = request.checkedMode();
        act(ctx, "monitors " + target + ": " + mode, (c, agent) -> c.monitor(agent, target, mode));
    }

    /** {@code GET /api/console/callbacks}: the callback list, one page of the list envelope. */
    public void callbacks(Context ctx) {
        Paging paging = Paging.of(ctx);
        answer(ctx, () -> paging.of(calls.call(AgentConsole::callbacks)).map(ConsoleJson.Callback::of));
    }

    /** {@code POST /api/console/callbacks {"number", "queue"}}: puts a customer on a queue's callback list. */
    public void bookCallback(Context ctx) {
        ConsoleRequests.BookCallback request = bodies.read(ctx, ConsoleRequests.BookCallback.class);
        String number = request.checkedNumber();
        String queue = request.checkedQueue();
        act(ctx, "books a callback in " + queue, (c, agent) -> c.bookCallback(agent, number, queue));
    }

    /** {@code GET /api/console/agents}: colleagues to transfer to, with their state only. */
    public void colleagues(Context ctx) {
        answer(ctx, () -> calls.call(AgentConsole::agents).stream().map(ConsoleJson.Colleague::of).toList());
    }

    /** {@code GET /api/console/supervisor/agents}: every agent with seat, reason, time and call. */
    public void agents(Context ctx) {
        answer(ctx, () -> calls.call(AgentConsole::agents).stream().map(ConsoleJson.Agent::of).toList());
    }

    private void act(Context ctx, String what, BiFunction<AgentConsole, String, CompletableFuture<Void>> action) {
        String agent = agentOf.apply(ctx);
        answer(ctx, () -> {
            calls.call(c -> action.apply(c, agent));
            log.info("agent {} {}", agent, what);
            return OK;
        });
    }

    /**
     * The console view of {@code agentId} for the push stream: the same JSON as {@link #view}, or
     * the refusal ({@code {"code", "message"}}) so that the page can say why it has no view.
     * Blocks like a request; called on the push thread.
     */
    public Object pushView(String agentId) {
        try {
            return ConsoleJson.View.of(calls.call(c -> c.view(agentId)));
        } catch (Refused r) {
            return new ConsoleJson.Problem(r.code(), r.getMessage());
        }
    }

    /** Every agent as {@link #agents} answers it, for the push stream; empty when the console cannot say. */
    public Object pushAgents() {
        try {
            return calls.call(AgentConsole::agents).stream().map(ConsoleJson.Agent::of).toList();
        } catch (Refused r) {
            return java.util.List.of();
        }
    }

    /**
     * For quality monitoring's live scoring: every agent as call control sees them now (those with
     * a call id are talking). A refusal becomes an {@link HttpProblem} with the console's status.
     */
    public List<AgentSummary> agentsNow() {
        try {
            return calls.call(AgentConsole::agents);
        } catch (Refused r) {
            throw new HttpProblem(r.status(), r.getMessage());
        }
    }

    /**
     * For quality monitoring's live scoring: {@code listenerId} (the inspector's own agent, at a
     * seat) listens to {@code agentId}'s call, or with {@link MonitorMode#END} leaves it; the same
     * supervisor listen as {@link #monitor}, logged the same way. A refusal (not talking, no seat,
     * someone else listening) becomes an {@link HttpProblem} with the console's status and words.
     */
    public void monitorAs(String listenerId, String agentId, MonitorMode mode) {
        try {
            calls.call(c -> c.monitor(listenerId, agentId, mode));
            log.info("agent {} monitors {}: {} (quality monitoring)", listenerId, agentId, mode);
        } catch (Refused r) {
            log.info("quality monitoring: {} monitoring {} refused: {}", listenerId, agentId, r.code());
            throw new HttpProblem(r.status(), r.getMessage());
        }
    }

    /** The one place where a refused console action becomes an HTTP answer. */
    private void answer(Context ctx, Supplier<Object> work) {
        try {
            ctx.json(work.get());
        } catch (Refused r) {
            if (ctx.method() == HandlerType.GET) {
                // the page polls every second: a refused view is news once, not a log line a second
                log.debug("console request {} of agent {} refused: {}", ctx.path(), agentOf.apply(ctx), r.code());
            } else {
                log.info("console request {} of agent {} refused: {}", ctx.path(), agentOf.apply(ctx), r.code());
            }
            String text = words.refusal(ctx, r.code());
            ctx.status(r.status()).json(new ConsoleJson.Problem(r.code(), text == null ? r.getMessage() : text));
        }
    }
}
