package io.branchbox.firmware.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The branch's service figures over the calls that ended in one interval, derived only from the
 * event journal. Times are in milliseconds; averages are 0 when nothing was counted.
 *
 * @param offered            inbound calls that asked for an agent (reached a queue), each once, plus the
 *                           inbound attempts lost before the box answered ({@link #lost}); offered =
 *                           answered + abandoned + {@link HandlingFigures#flowedOut()} + lost
 * @param answered           of those, answered by an agent
 * @param abandoned          of those, ended without an agent, without voicemail or callback (the caller gave up)
 * @param answeredWithin20s  answered within 20 s of reaching the queue (industry service level)
 * @param answeredWithin3s   answered within 3 s of ringing at the seat (the brief's answer speed)
 * @param responseWithin8s   answered within 8 s of reaching the line, greeting included (the brief's response time)
 * @param missedOffers       offers that rang out unanswered at a seat
 * @param asaMs              average speed of answer: queue to agent, answered calls
 * @param ahtMs              average handle time: talk plus hold, answered calls; the sum of every agent's
 *                           part (connected to transfer or hang-up), so survey time after the agent
 *                           left is not in it; wrap-up is not in it either, see {@link #ahtWithWrapUpMs}
 * @param avgAbandonMs       average time to abandon: queue to hang-up, abandoned calls
 * @param avgResponseMs      average response time: line to agent, answered calls
 * @param rated              answered calls the caller rated in the survey (any of 1, 2, 3)
 * @param satisfied          of those, rated 1 "satisfied"
 * @param handling           holds, transfers, wrap-up, pauses, voicemail, callbacks and the rest
 * @param lost               inbound attempts refused or failed before the box answered
 */
public record ServiceFigures(
        int offered,
        int answered,
        int abandoned,
        int answeredWithin20s,
        int answeredWithin3s,
        int responseWithin8s,
        int missedOffers,
        long asaMs,
        long ahtMs,
        long avgAbandonMs,
        long avgResponseMs,
        int rated,
        int satisfied,
        HandlingFigures handling,
        LostAttempts lost) {

    public ServiceFigures {
        handling = handling == null ? HandlingFigures.NONE : handling;
        lost = lost == null ? LostAttempts.NONE : lost;
    }

    /** Figures without lost attempts. */
    public ServiceFigures(int offered, int answered, int abandoned, int answeredWithin20s, int answeredWithin3s,
            int responseWithin8s, int missedOffers, long asaMs, long ahtMs, long avgAbandonMs, long avgResponseMs,
            int rated, int satisfied, HandlingFigures handling) {
        this(offered, answered, abandoned, answeredWithin20s, answeredWithin3s, responseWithin8s, missedOffers, asaMs,
                ahtMs, avgAbandonMs, avgResponseMs, rated, satisfied, handling, LostAttempts.NONE);
    }

    /** Figures without call-handling details. */
    public ServiceFigures(int offered, int answered, int abandoned, int answeredWithin20s, int answeredWithin3s,
            int responseWithin8s, int missedOffers, long asaMs, long ahtMs, long avgAbandonMs, long avgResponseMs,
            int rated, int satisfied) {
        this(offered, answered, abandoned, answeredWithin20s, answeredWithin3s, responseWithin8s, missedOffers, asaMs,
                ahtMs, avgAbandonMs, avgResponseMs, rated, satisfied, HandlingFigures.NONE);
    }

    /**
     * The industry's average handle time, talk + hold + after-call work: {@link #ahtMs} plus the
     * average wrap-up period. A sum of averages, because wrap-up is the agent's time and ends after
     * the call was counted (possibly in the next interval).
     */
    public long ahtWithWrapUpMs() {
        return ahtMs + handling.avgWrapUpMs();
    }

    /** Share of offered calls answered within 20 s, in percent (100 when none were offered). */
    public double serviceLevelPercent() {
        return offered == 0 ? 100.0 : 100.0 * answeredWithin20s / offered;
    }

    /** Manual answer rate: answered by an agent / asked for an agent, in percent. */
    public double manualAnswerRatePercent() {
        return offered == 0 ? 100.0 : 100.0 * answered / offered;
    }

    /** The figures as the MQTT figures payload carries them. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offered", offered);
        m.put("answered", answered);
        m.put("abandoned", abandoned);
        m.put("answeredWithin20s", answeredWithin20s);
        m.put("serviceLevelPercent", Math.round(serviceLevelPercent() * 10) / 10.0);
        m.put("manualAnswerRatePercent", Math.round(manualAnswerRatePercent() * 10) / 10.0);
        m.put("answeredWithin3sOfRinging", answeredWithin3s);
        m.put("responseWithin8s", responseWithin8s);
        m.put("missedOffers", missedOffers);
        m.put("asaMs", asaMs);
        m.put("ahtMs", ahtMs);
        m.put("avgAbandonMs", avgAbandonMs);
        m.put("avgResponseMs", avgResponseMs);
        m.put("rated", rated);
        m.put("satisfied", satisfied);
        m.put("surveySamplingRatePercent", answered == 0 ? 0.0 : Math.round(1000.0 * rated / answered) / 10.0);
        m.put("satisfactionPercent", rated == 0 ? 100.0 : Math.round(1000.0 * satisfied / rated) / 10.0);
        m.put("ahtWithWrapUpMs", ahtWithWrapUpMs());
        handling.putInto(m);
        lost.putInto(m);
        return m;
    }
}
