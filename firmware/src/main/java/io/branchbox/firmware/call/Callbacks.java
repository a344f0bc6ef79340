package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.Refusal;
import io.branchbox.firmware.journal.CallEvents.CallbackDone;
import io.branchbox.firmware.journal.CallEvents.CallbackRequested;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callback requests: a caller who chose a callback (IVR, queue overflow, night service) keeps
 * their place in the queue as a request; when its turn comes the ACD hands it to a ready agent and
 * the box dials the caller from that agent's seat at once (progressive dialling). A callback that
 * does not reach the caller is tried again {@code console.callbackRetryS} later, keeping its place,
 * up to {@code console.callbackAttempts} times ({@link #afterFailedAttempt}).
 *
 * <p>A policy with its own state (the open requests and their attempts): it reaches call control
 * only through {@link Port} (the ACD's line, the dial) and the journal, never the call manager, so
 * it is tested alone in virtual time ({@code CallbacksPolicyTest}).
 *
 * <p>Requests live in the journal ({@link CallbackRequested} / {@link CallbackDone}), so the
 * ones still open are restored after a restart ({@link #restore}). Signalling thread only.
 */
public final class Callbacks {
    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);
    /** ACD ids of callback requests start with this, so they are never taken for a call. */
    static final String PREFIX = "cb-";

    /** An open request; {@code id} is the id of the call that asked. */
    record Request(String id, String number, String queue, int priority, Instant placeSince, Instant notBefore) {}

    /** What callbacks ask of call control. */
    interface Port {
        /** Puts request {@code acdId} in {@code queue}'s line, then hands waiting work to ready agents. */
        void enqueue(String acdId, String queue, int priority, Instant placeSince);

        /** The ACD matched {@code acdId} with {@code agent}: out of the line, the agent free to dial. */
        void withdraw(String acdId, Agent agent);

        /** Dials {@code number} from {@code agent}'s seat; {@code outcome} is told how it went. */
        void dial(Agent agent, String number, OutboundCalls.Outcome outcome);

        /** Whether the document has a queue named {@code queue}. */
        boolean queueExists(String queue);

        /** A new call id, naming an agent's request. */
        String nextId();

        /** The live document's console settings (attempts, retry interval). */
        BoxConfig.Console console();
    }

    /** What follows a dial that did not reach the caller. */
    sealed interface AfterFailure {
        /** Back in line (in the place it had) {@code after} from now. */
        record Retry(Duration after) implements AfterFailure {}

        /** The last attempt: the request is done, {@code FAILED}. */
        record GiveUp() implements AfterFailure {}
    }

    private final Scheduler scheduler;
    private final CallEventLog journal;
    private final Port port;
    private final Map<String, Request> open = new LinkedHashMap<>();
    private final Map<String, Integer> attempts = new LinkedHashMap<>();

    Callbacks(Scheduler scheduler, CallEventLog journal, Port port) {
        this.scheduler = scheduler;
        this.journal = journal;
        this.port = port;
    }

    /** The decision after failed attempt number {@code attempt} (1 the first). */
    static AfterFailure afterFailedAttempt(int attempt, BoxConfig.Console console) {
        return attempt >= console.callbackAttempts() ? new AfterFailure.GiveUp()
                : new AfterFailure.Retry(Duration.ofSeconds(console.callbackRetryS()));
    }

    /**
     * Books a callback to {@code call}'s caller in {@code queue}, to be dialled not before
     * {@code notBefore}; the request keeps the place the caller had in line (from now if they
     * had none) and their priority.
     */
    public void book(Call call, String queue, Instant notBefore) {
        Instant since = call.placeSince != null ? call.placeSince : now();
        Request r = new Request(call.id(), call.farNumber(), queue, call.priority, since, notBefore);
        journal.callbackRequested(call, r.queue(), r.number(), r.priority(), since);
        log.info("call {}: callback to {} booked in {}{}", call.id(), r.number(), queue,
                notBefore.isAfter(now()) ? " for " + notBefore : "");
        add(r);
    }

    /**
     * An agent puts {@code number} on {@code queue}'s callback list (a closed-loop callback after
     * a repair or an inquiry). It waits from now, priority 0. Throws {@link ConsoleException} for a
     * bad number or queue.
     */
    public void bookNumber(Agent by, String number, String queue) {
        if (!number.matches("[0-9]{3,32}")) {
            throw new ConsoleException(Refusal.BAD_NUMBER, "'" + number + "' is not a number to call back");
        }
        if (!port.queueExists(queue)) {
            throw new ConsoleException(Refusal.NO_SUCH_QUEUE, "no queue named " + queue);
        }
        Request r = new Request(port.nextId(), number, queue, 0, now(), now());
        journal.callbackBooked(r.id(), by, queue, number, now());
        log.info("agent {} booked callback {} in {}", by.id(), r.id(), queue);
        add(r);
    }

    /** The callback list: requests not yet done, oldest booking first. */
    public List<io.branchbox.firmware.console.CallbackView> views() {
        return open.values().stream().map(r -> new io.branchbox.firmware.console.CallbackView(r.id(), r.number(),
                r.queue(), r.priority(), r.placeSince(), attempts.getOrDefault(r.id(), 0))).toList();
    }

    /**
     * The callback requests still open in the journal (booked, not done), put back in line.
     * {@code journal}: the decoded events in journal order; all but the callback events are passed over.
     */
    public int restore(List<? extends Decoded> events) {
        Map<String, Request> pending = new LinkedHashMap<>();
        for (Decoded d : events) {
            switch (d) {
                case CallbackRequested r -> pending.put(r.callId(), new Request(r.callId(), r.number(), r.queue(),
                        r.priority(), r.placeSince() == null ? now() : r.placeSince(), now()));
                case CallbackDone done -> pending.remove(done.request());
                default -> { }
            }
        }
        pending.values().forEach(this::add);
        return pending.size();
    }

    /** Whether an ACD id is a callback request rather than a call. */
    static boolean owns(String acdId) {
        return acdId.startsWith(PREFIX);
    }

    /** Requests waiting, oldest first. */
    public List<String> pending() {
        return List.copyOf(open.keySet());
    }

    /** The ACD matched a request with a ready agent: dial the caller from the agent's seat now. */
    void offered(String acdId, Agent a) {
        Request r = open.get(acdId.substring(PREFIX.length()));
        port.withdraw(acdId, a);
        if (r == null) {
            return;
        }
        int attempt = attempts.merge(r.id(), 1, Integer::sum);
        port.dial(a, r.number(), new OutboundCalls.Outcome() {
            @Override
            public void answered(Call call) {
                done(r, call.id(), "REACHED", attempt);
            }

            @Override
            public void failed(Call call, String why) {
                switch (afterFailedAttempt(attempt, port.console())) {
                    case AfterFailure.GiveUp g -> done(r, call.id(), "FAILED", attempt);
                    case AfterFailure.Retry retry -> {
                        log.info("callback {} attempt {} failed ({}): again in {} s", r.id(), attempt, why,
                                retry.after().toSeconds());
                        scheduler.schedule(retry.after(), () -> enqueue(r));
                    }
                }
            }
        });
    }

    private Instant now() {
        return scheduler.clock().instant();
    }

    private void add(Request r) {
        open.put(r.id(), r);
        Duration wait = Duration.between(now(), r.notBefore());
        if (wait.isNegative() || wait.isZero()) {
            enqueue(r);
        } else {
            scheduler.schedule(wait, () -> enqueue(r));
        }
    }

    private void enqueue(Request r) {
        if (open.containsKey(r.id())) {
            port.enqueue(PREFIX + r.id(), r.queue(), r.priority(), r.placeSince());
        }
    }

    private void done(Request r, String lastCallId, String outcome, int attempt) {
        open.remove(r.id());
        attempts.remove(r.id());
        journal.callbackDone(lastCallId, r.id(), r.queue(), outcome, attempt);
    }
}
