package io.branchbox.firmware.stats;

import static io.branchbox.firmware.journal.CallEventTypes.*;

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
    private static final String ON_CALL = "ON_CALL";
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
        if (AGENT_STATE.equals(e.type())) {
            agentState(e);
            return;
        }
        if (e.callId() == null || e.callId().isEmpty()) {
            return;
        }
        if (CALL_STARTED.equals(e.type())) {
            String dir = e.attr(DIRECTION);
            open.putIfAbsent(e.callId(), new OpenCall(e.callId(), dir == null || "IN".equals(dir), e.at()));
            return;
        }
        if (CALL_QUEUED.equals(e.type())) {
            queued(open.computeIfAbsent(e.callId(), id -> new OpenCall(id, true, e.at())), e);
            return;
        }
        OpenCall c = open.get(e.callId());
        if (c == null) {
            Integer rating = CALL_SURVEY.equals(e.type()) ? rating(e) : null;
            if (rating != null) {
                listener.lateSurvey(e.callId(), rating);
            }
            return;
        }
        switch (e.type()) {
            case CALL_OVERFLOW -> c.waitingQueue = c.waitingSince == null ? c.waitingQueue : e.queue();
            case CALL_OFFERED -> c.offeredAt = c.answeredAt == null ? e.at() : c.offeredAt;
            case CALL_CONNECTED -> connected(c, e);
            case CALL_HELD, CALL_CONSULT -> held(c, e);
            case CALL_RETRIEVED -> closeHold(c, e.at());
            case CALL_TRANSFERRED -> transferred(c, e);
            case CALL_SURVEY -> {
                Integer rating = rating(e);
                c.rating = rating == null ? c.rating : rating;
            }
            case CALL_VOICEMAIL -> stopWaiting(c).voicemail = true;
            case CALLBACK_REQUESTED -> stopWaiting(c).callback = true;
            case CALL_NIGHT -> c.night = true;
            case CALL_ANSWERED -> c.boxAnswered = true;
            case CALL_ENDED -> ended(c, e.at(), cause(e));
            default -> { }
        }
    }

    private void queued(OpenCall c, JournalEvent e) {
        if (c.firstQueue == null && e.queue() != null) {
            c.firstQueue = e.queue();
            c.queuedAt = e.at();
            listener.firstQueued(c, e.at());
        }
        if (c.waitingSince == null) {
            c.waitingSince = e.at(); // re-queued after a missed offer: keeps its place in time
        }
        c.waitingQueue = e.queue();
    }

    private void connected(OpenCall c, JournalEvent e) {
        stopWaiting(c);
        if (c.answeredAt == null) {
            c.answeredAt = e.at();
            listener.firstAnswered(c, e.at());
        }
        String agent = e.agentId() == null ? UNKNOWN_AGENT : e.agentId();
        if (!c.parts.containsKey(agent)) {
            c.parts.put(agent, new Part(e.at()));
            String previous = e.agentId() == null ? null : agentCall.put(agent, c.callId);
            if (previous != null && !previous.equals(c.callId) && open.containsKey(previous)) {
                endPart(open.get(previous), agent, e.at()); // the agent cannot talk to two calls
            }
        }
    }

    private void held(OpenCall c, JournalEvent e) {
        if (c.holdSince != null) {
            return;
        }
        c.holdSince = e.at();
        c.holdAgent = e.agentId() != null ? e.agentId() : c.parts.keySet().stream().findFirst().orElse(null);
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

    private void transferred(OpenCall c, JournalEvent e) {
        closeHold(c, e.at());
        c.transfers++;
        if (e.agentId() != null) {
            endPart(c, e.agentId(), e.at());
        } else {
            endAllParts(c, e.at());
        }
    }

    private void agentState(JournalEvent e) {
        String agent = e.agentId();
        if (agent == null || ON_CALL.equals(e.attr(STATE))) {
            return;
        }
        String callId = agentCall.get(agent);
        OpenCall c = callId == null ? null : open.get(callId);
        if (c != null) {
            endPart(c, agent, e.at());
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

    private static int cause(JournalEvent e) {
        try {
            return Integer.parseInt(e.attr(CAUSE));
        } catch (NumberFormatException | NullPointerException ex) {
            return 0; // an FXO reason or none
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

    private static Integer rating(JournalEvent e) {
        String r = e.attr(RATING);
        if (r != null && r.length() == 1 && r.charAt(0) >= '1' && r.charAt(0) <= '3') {
            return r.charAt(0) - '0';
        }
        log.warn("call {}: survey rating '{}' at seq {} is not 1, 2 or 3; not counted", e.callId(), r, e.seq());
        return null;
    }

}
