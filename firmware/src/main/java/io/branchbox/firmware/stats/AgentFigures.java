package io.branchbox.firmware.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One agent's figures over a stretch of time, folded from the journal by {@link AgentStatistics}.
 * Times in milliseconds.
 *
 * @param callsAnswered calls the agent talked to (a call transferred to them counts for them too;
 *                      outbound calls they made count when connected)
 * @param talkMs        talking time of their parts, hold excluded
 * @param holdMs        time their callers spent on hold during their parts
 * @param holds         holds during their parts
 * @param wrapUps       wrap-up periods
 * @param wrapUpMs      time in WRAP_UP
 * @param notReadyMs    time in NOT_READY by reason code ("none" without one); sorted
 * @param missedOffers  offers that rang out unanswered at their seat
 * @param loggedInMs    time in any state but LOGGED_OUT
 */
public record AgentFigures(String agentId, int callsAnswered, long talkMs, long holdMs, int holds, int wrapUps,
        long wrapUpMs, Map<String, Long> notReadyMs, int missedOffers, long loggedInMs) {

    public AgentFigures {
        notReadyMs = notReadyMs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(notReadyMs));
    }

    /** Talk plus hold: the agent's handle time. */
    public long handleMs() {
        return talkMs + holdMs;
    }

    /** Not-ready time over all reasons. */
    public long notReadyTotalMs() {
        return notReadyMs.values().stream().mapToLong(Long::longValue).sum();
    }
}
