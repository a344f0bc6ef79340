package io.branchbox.firmware.stats;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-agent figures ({@link AgentFigures}) folded from the journal, counted from {@code from} on
 * (for example the start of the local day): feed it the whole journal, or at least everything
 * since the agents last logged in, so that their state at {@code from} is known.
 *
 * <p>Rules: state times (wrap-up, not ready by reason, logged in) are cut at {@code from} and
 * counted up to {@code now} for the state an agent is still in; a call part counts when it ends
 * (at or after {@code from}), whole, with the agent whose part it was ({@link CallTracker} says
 * when a part ends); a missed offer counts when it happens.
 *
 * <p>Threading: {@link #accept} and {@link #figures} are synchronized; feed it from the journal's
 * writer thread (as a listener) and read it from any thread.
 */
public final class AgentStatistics {
    private static final String NO_REASON = "none";

    /** One agent's running totals. */
    private static final class Totals {
        int calls;
        long talk;
        long hold;
        int holds;
        int wrapUps;
        long wrapUp;
        final Map<String, Long> notReady = new HashMap<>();
        int missed;
        long loggedIn;

        Totals copy() {
            Totals t = new Totals();
            t.calls = calls;
            t.talk = talk;
            t.hold = hold;
            t.holds = holds;
            t.wrapUps = wrapUps;
            t.wrapUp = wrapUp;
            t.notReady.putAll(notReady);
            t.missed = missed;
            t.loggedIn = loggedIn;
            return t;
        }
    }

    private final Instant from;
    private final Map<String, Totals> totals = new HashMap<>();
    private final AgentPeriods periods = new AgentPeriods();
    private final CallTracker calls = new CallTracker(new CallTracker.Listener() {
        @Override
        public void partEnded(AgentPart p) {
            if (!p.endedAt().isBefore(from) && !p.agentId().equals(CallTracker.UNKNOWN_AGENT)) {
                Totals t = totals(p.agentId());
                t.calls++;
                t.talk += p.talkMs();
                t.hold += p.holdMs();
                t.holds += p.holds();
            }
        }
    });

    /** Counts from {@code from} on; events before it only set the agents' states. */
    public AgentStatistics(Instant from) {
        this.from = from;
    }

    /** Takes one event, in journal order. */
    public synchronized void accept(JournalEvent e) {
        Decoded d = CallEventCodec.decode(e);
        calls.accept(d, e.at());
        StatePeriod p = periods.accept(d, e.at());
        if (p != null) {
            add(totals, p);
        }
        if (e.agentId() != null && periods.current().containsKey(e.agentId())) {
            totals(e.agentId()); // an agent who logged in is listed even before anything counted
        }
        if (d instanceof CallEvents.OfferMissed m && m.agentId() != null && !e.at().isBefore(from)) {
            totals(e.agentId()).missed++;
        }
    }

    /** Every agent seen, by id, with the states they are still in counted up to {@code now}. */
    public synchronized Map<String, AgentFigures> figures(Instant now) {
        Map<String, Totals> view = new HashMap<>();
        totals.forEach((agent, t) -> view.put(agent, t.copy()));
        for (StatePeriod open : periods.openUntil(now)) {
            add(view, open);
        }
        Map<String, AgentFigures> out = new TreeMap<>();
        view.forEach((agent, t) -> out.put(agent, new AgentFigures(agent, t.calls, t.talk, t.hold, t.holds, t.wrapUps,
                t.wrapUp, t.notReady, t.missed, t.loggedIn)));
        return out;
    }

    /** Adds the part of {@code whole} inside the window; a wrap-up reaching into the window counts as one. */
    private void add(Map<String, Totals> into, StatePeriod whole) {
        if (!whole.to().isAfter(from) || "LOGGED_OUT".equals(whole.state())) {
            return;
        }
        StatePeriod p = whole.clippedFrom(from);
        Totals t = into.computeIfAbsent(p.agentId(), a -> new Totals());
        long ms = p.durationMs();
        switch (p.state()) {
            case "WRAP_UP" -> {
                t.wrapUps++;
                t.wrapUp += ms;
            }
            case "NOT_READY" -> t.notReady.merge(p.reasonCode().isEmpty() ? NO_REASON : p.reasonCode(), ms, Long::sum);
            default -> { }
        }
        t.loggedIn += ms;
    }

    private Totals totals(String agent) {
        return totals.computeIfAbsent(agent, a -> new Totals());
    }
}
