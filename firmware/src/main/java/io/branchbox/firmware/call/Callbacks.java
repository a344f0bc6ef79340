package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.journal.CallEvents.CallbackDone;
import io.branchbox.firmware.journal.CallEvents.CallbackRequested;
import io.branchbox.firmware.journal.Decoded;
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
 * up to {@code console.callbackAttempts} times.
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

    private final CallContext cx;
    private final CallManager calls;
    private final Map<String, Request> open = new LinkedHashMap<>();
    private final Map<String, Integer> attempts = new LinkedHashMap<>();

    Callbacks(CallContext cx, CallManager calls) {
        this.cx = cx;
        this.calls = calls;
    }

    /** Books a callback to {@code call}'s caller in {@code queue}, to be dialled not before {@code notBefore}. */
    public void book(Call call, String queue, Instant notBefore) {
        Instant since = call.placeSince != null ? call.placeSince : cx.now();
        Request r = new Request(call.id(), call.farNumber(), queue, call.priority, since, notBefore);
        cx.events.callbackRequested(call, r.queue(), r.number(), r.priority(), since);
        log.info("call {}: callback to {} booked in {}{}", call.id(), r.number(), queue,
                notBefore.isAfter(cx.now()) ? " for " + notBefore : "");
        add(r);
    }

    /**
     * An agent puts {@code number} on {@code queue}'s callback list (a closed-loop callback after
     * a repair or an inquiry). It waits from now, priority 0. Throws {@link ConsoleException} for a
     * bad number or queue.
     */
    public void bookNumber(Agent by, String number, String queue) {
        if (!number.matches("[0-9]{3,32}")) {
            throw new ConsoleException("bad-number", "'" + number + "' is not a number to call back");
        }
        if (!cx.acd.queueNames().contains(queue)) {
            throw new ConsoleException("no-such-queue", "no queue named " + queue);
        }
        Request r = new Request(cx.ids.next(), number, queue, 0, cx.now(), cx.now());
        cx.events.callbackBooked(r.id(), by, queue, number, cx.now());
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
    public int restore(List<? extends Decoded> journal) {
        Map<String, Request> pending = new LinkedHashMap<>();
        for (Decoded d : journal) {
            switch (d) {
                case CallbackRequested r -> pending.put(r.callId(), new Request(r.callId(), r.number(), r.queue(),
                        r.priority(), r.placeSince() == null ? cx.now() : r.placeSince(), cx.now()));
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
        cx.acd.remove(acdId);
        cx.acd.release(a);
        cx.acd.setState(a, AgentState.READY);
        if (r == null) {
            return;
        }
        int attempt = attempts.merge(r.id(), 1, Integer::sum);
        calls.outbound().dial(a, r.number(), new OutboundCalls.Outcome() {
            @Override
            public void answered(Call call) {
                done(r, call.id(), "REACHED", attempt);
            }

            @Override
            public void failed(Call call, String why) {
                if (attempt >= cx.config.console().callbackAttempts()) {
                    done(r, call.id(), "FAILED", attempt);
                } else {
                    log.info("callback {} attempt {} failed ({}): again in {} s", r.id(), attempt, why,
                            cx.config.console().callbackRetryS());
                    cx.scheduler.schedule(Duration.ofSeconds(cx.config.console().callbackRetryS()), () -> enqueue(r));
                }
            }
        });
    }

    private void add(Request r) {
        open.put(r.id(), r);
        Duration wait = Duration.between(cx.now(), r.notBefore());
        if (wait.isNegative() || wait.isZero()) {
            enqueue(r);
        } else {
            cx.scheduler.schedule(wait, () -> enqueue(r));
        }
    }

    private void enqueue(Request r) {
        if (open.containsKey(r.id())) {
            cx.acd.enqueue(PREFIX + r.id(), r.queue(), r.priority(), r.placeSince());
            calls.dispatch();
        }
    }

    private void done(Request r, String lastCallId, String outcome, int attempt) {
        open.remove(r.id());
        attempts.remove(r.id());
        cx.events.callbackDone(lastCallId, r.id(), r.queue(), outcome, attempt);
    }
}
