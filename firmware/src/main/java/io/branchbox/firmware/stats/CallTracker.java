package io.branchbox.firmware.stats;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.CallEvents.*;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every open call through the journal and tells its listener when a call first queues,
 * is first answered, when an agent's part ends and when the call ends; the rules of what counts
 * are in {@link CallOutcome} and {@link AgentPart}.
 *
 * <p>An agent's part ends at the first of: {@code call.transferred} by that agent, an
 * {@code agent.state} of that agent other than ON_CALL (the agent hung up and the caller may still
 * be in the survey), or {@code call.ended}. A hold runs from {@code call.held} or
 * {@code call.consult} (the caller waits while the agent consults) to {@code call.retrieved}, a
 * transfer, or the end of the part; a hold already running is not counted again.
 *
 * <p>Only {@code call.started} and {@code call.queued} open a call, so events arriving after the
 * end (wrap-up, a late survey, the recording) never leave a call open. Not thread-safe; the owner
 * synchronizes. Public for the period reports ({@code io.branchbox.firmware.kpi}); what it tells
 * stays decided here.
 */
public final class CallTracker {
    private static final Logger log = LoggerFactory.getLogger(CallTracker.class);
    /** The part of a connection that named no agent: still handle time, nobody's in particular. */
    static final String UNKNOWN_AGENT = "";

    /** What the tracker reports; all default to nothing. */
    public interface Listener {
        default void firstQueued(OpenCall c, Instant at) { }

        default void firstAnswered(OpenCall c, Instant at) { }

        default void partEnded(AgentPart p) { }

        default void callEnded(CallOutcome c) { }

        /** A survey for a call already ended (the tracker cannot attach it any more). */
        default void lateSurvey(String callId, int rating) { }
    }

    /** A call in progress, as far as the statistics care. */
    public static final class OpenCall {
        final String callId;
        final boolean inbound;
        final Instant startedAt;
        String firstQueue;
        Instant queuedAt;
        Instant offeredAt;
        Instant answeredAt;
        /** The queue the caller waits in now and since when; null while not waiting. */
        String waitingQueue;
        Instant waitingSince;
        int transfers;
        Integer rating;
        boolean voicemail;
        boolean callback;
        boolean night;
        boolean boxAnswered;
        long handleMs;
        int holds;
        long holdMs;
        Instant holdSince;
        String holdAgent;
        final Map<String, Part> parts = new LinkedHashMap<>();

        OpenCall(String callId, boolean inbound, Instant startedAt) {
            this.callId = callId;
            this.inbound = inbound;
            this.startedAt = startedAt;
        }
    }

    /** An agent's part in progress. */
    private static final class Part {
        final Instant connectedAt;
        int holds;
        long holdMs;

        Part(Instant connectedAt) {
            this.connectedAt = connectedAt;
        }
    }

    private final Listener listener;
    private final Map<String, OpenCall> open = new HashMap<>();
    /** Which call each agent is talking to. */
    private final Map<String, String> agentCall = new HashMap<>();

    public CallTracker(Listener listener) {
        this.listener = listener;
    }

    /** The calls in progress. */
    Collection<OpenCall> open() {
        return Collections.unmodifiableCollection(open.values());
    }

    /** Takes one event, in journal order. */
    public void accept(JournalEvent e) {
        accept(CallEventCodec.decode(e), e.at());
    }

    /** Takes one event decoded already ({@link CallEventCodec#decode}), journalled at {@code at}, in journal order. */
    public void accept(Decoded d, Instant at) {
        switch (d) {
            case AgentStateChanged e -> agentState(e, at);
            case Started e -> open.putIfAbsent(e.callId(), new OpenCall(e.callId(), e.direction() == Direction.IN, at));
            case Queued e -> queued(open.computeIfAbsent(e.callId(), id -> new OpenCall(id, true, at)), e.queue(), at);
            case Surveyed e -> surveyed(e);
            case CallEvents e -> {
                OpenCall c = open.get(e.callId());
                if (c != null) {
                    onOpenCall(c, e, at);
                }
            }
            default -> { }
        }
    }

    private void onOpenCall(OpenCall c, CallEvents ev, Instant at) {
        switch (ev) {
            case Overflowed e -> c.waitingQueue = c.waitingSince == null ? c.waitingQueue : e.queue();
            case Offered e -> c.offeredAt = c.answeredAt == null ? at : c.offeredAt;
            case Connected e -> connected(c, e.agentId(), at);
            case Held e -> held(c, e.agentId(), at);
            case Consulted e -> held(c, e.agentId(), at);
            case Retrieved e -> closeHold(c, at);
            case Transferred e -> transferred(c, e.agentId(), at);
            case Voicemail e -> stopWaiting(c).voicemail = true;
            case CallbackRequested e -> stopWaiting(c).callback = true;
            case Night e -> c.night = true;
            case Answered e -> c.boxAnswered = true;
            // an FXO reason or none: cause 0
            case Ended e -> ended(c, at, e.cause() == null ? 0 : e.cause().value());
            default -> { }
        }
    }

    private void surveyed(Surveyed e) {
        Integer rating = rating(e);
        OpenCall c = open.get(e.callId());
        if (c == null) {
            if (rating != null) {
                listener.lateSurvey(e.callId(), rating);
            }
        } else if (rating != null) {
            c.rating = rating;
        }
    }

    private void queued(OpenCall c, String queue, Instant at) {
        if (c.firstQueue == null && queue != null) {
            c.firstQueue = queue;
            c.queuedAt = at;
            listener.firstQueued(c, at);
        }
        if (c.waitingSince == null) {
            c.waitingSince = at; // re-queued after a missed offer: keeps its place in time
        }
        c.waitingQueue = queue;
    }

    private void connected(OpenCall c, String agentId, Instant at) {
        stopWaiting(c);
        if (c.answeredAt == null) {
            c.answeredAt = at;
            listener.firstAnswered(c, at);
        }
        String agent = agentId == null ? UNKNOWN_AGENT : agentId;
        if (!c.parts.containsKey(agent)) {
            c.parts.put(agent, new Part(at));
            String previous = agentId == null ? null : agentCall.put(agent, c.callId);
            if (previous != null && !previous.equals(c.callId) && open.containsKey(previous)) {
                endPart(open.get(previous), agent, at); // the agent cannot talk to two calls
            }
        }
    }

    private void held(OpenCall c, String agentId, Instant at) {
        if (c.holdSince != null) {
            return;
        }
        c.holdSince = at;
        c.holdAgent = agentId != null ? agentId : c.parts.keySet().stream().findFirst().orElse(null);
        c.holds++;
        Part p = c.holdAgent == null ? null : c.parts.get(c.holdAgent);
        if (p != null) {
            p.holds++;
        }
    }

    private void closeHold(OpenCall c, Instant at) {
        if (c.holdSince == null) {
            return;
        }
        long ms = CallOutcome.ms(c.holdSince, at);
        c.holdMs += ms;
        Part p = c.holdAgent == null ? null : c.parts.get(c.holdAgent);
        if (p != null) {
            p.holdMs += ms;
        }
        c.holdSince = null;
        c.holdAgent = null;
    }

    private void transferred(OpenCall c, String agentId, Instant at) {
        closeHold(c, at);
        c.transfers++;
        if (agentId != null) {
            endPart(c, agentId, at);
        } else {
            endAllParts(c, at);
        }
    }

    private void agentState(AgentStateChanged e, Instant at) {
        String agent = e.agentId();
        if (e.state() == AgentStatus.ON_CALL) {
            return;
        }
        String callId = agentCall.get(agent);
        OpenCall c = callId == null ? null : open.get(callId);
        if (c != null) {
            endPart(c, agent, at);
        } else if (callId != null) {
            agentCall.remove(agent);
        }
    }

    private void endPart(OpenCall c, String agent, Instant at) {
        if (!c.parts.containsKey(agent)) {
            return;
        }
        if (agent.equals(c.holdAgent)) {
            closeHold(c, at);
        }
        Part p = c.parts.remove(agent);
        agentCall.remove(agent, c.callId);
        AgentPart part = new AgentPart(c.callId, agent, c.firstQueue, c.inbound, p.connectedAt, at, p.holds, p.holdMs);
        c.handleMs += part.handleMs();
        listener.partEnded(part);
    }

    private void endAllParts(OpenCall c, Instant at) {
        closeHold(c, at);
        for (String agent : new ArrayList<>(c.parts.keySet())) {
            endPart(c, agent, at);
        }
    }

    private void ended(OpenCall c, Instant at, int cause) {
        endAllParts(c, at);
        open.remove(c.callId);
        listener.callEnded(new CallOutcome(c.callId, c.inbound, c.firstQueue, c.startedAt, c.queuedAt, c.offeredAt,
                c.answeredAt, at, c.handleMs, c.holds, c.holdMs, c.transfers, c.rating, c.voicemail, c.callback,
                c.night, c.boxAnswered || c.firstQueue != null || c.answeredAt != null, cause));
    }

    /**
     * Ends every open call at {@code at}, as if each had a {@code call.ended} then: used when the
     * journal shows the box restarted, so that a call cut by a power loss is not counted as talking
     * through the time the box was off.
     */
    public void endAll(Instant at) {
        for (OpenCall c : new ArrayList<>(open.values())) {
            // the cause CrashRecovery journals for a call the box lost (41, temporary failure)
            ended(c, at.isBefore(c.startedAt) ? c.startedAt : at, 41);
        }
        agentCall.clear();
    }

    private static OpenCall stopWaiting(OpenCall c) {
        c.waitingQueue = null;
        c.waitingSince = null;
        return c;
    }

    private static Integer rating(Surveyed e) {
        if (e.rating() >= 1 && e.rating() <= 3) {
            return e.rating();
        }
        log.warn("call {}: survey rating {} is not 1, 2 or 3; not counted", e.callId(), e.rating());
        return null;
    }

}
