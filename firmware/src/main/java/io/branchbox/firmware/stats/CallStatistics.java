package io.branchbox.firmware.stats;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents.*;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.firmware.journal.JournalEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds journal events into {@link ServiceFigures}: each call is followed from its start to its
 * end, and counted when it ends, so every call is counted exactly once, in the interval it ended.
 * What counts as offered, answered, abandoned, flowed out and handle time is decided in
 * {@link CallOutcome}; agents' parts and holds in {@link CallTracker}.
 *
 * <p>Further rules: the service level is answered within 20 s of the first queue over offered; a
 * survey rating counts for answered calls only (a rating arriving after the call ended counts
 * too: only answered calls are surveyed); wrap-up and not-ready time come from
 * {@code agent.state} periods (WRAP_UP, and NOT_READY by reason code) and count when the period
 * ends; missed offers, voicemails, callbacks and night-service calls count when their event
 * happens. Outbound and internal calls are never offered. Inbound callers lost before the box
 * answered (a refused SETUP, {@code call.refused}, counted when it happens; a call that ended
 * before the answer, counted at its end) are offered and lost ({@link LostAttempts}).
 *
 * <p>Statistics are never kept anywhere but here and in the journal: replaying the journal into a
 * new instance gives the same figures after a restart. Not thread-safe.
 */
public final class CallStatistics {
    private static final Duration SERVICE_LEVEL = Duration.ofSeconds(20);
    private static final Duration ANSWER_SPEED = Duration.ofSeconds(3);
    private static final Duration RESPONSE = Duration.ofSeconds(8);
    private static final String NO_REASON = "none";

    private final CallTracker calls = new CallTracker(new CallTracker.Listener() {
        @Override
        public void callEnded(CallOutcome c) {
            ended(c);
        }

        @Override
        public void lateSurvey(String callId, int rating) {
            rated(rating);
        }
    });
    private final AgentPeriods agents = new AgentPeriods();
    private int offered;
    private int answered;
    private int abandoned;
    private int flowedOut;
    private int ivrOnly;
    private int night;
    private int within20;
    private int within3;
    private int within8;
    private int missed;
    private int rated;
    private int satisfied;
    private int neutral;
    private int dissatisfied;
    private int holds;
    private int transfers;
    private int wrapUps;
    private int voicemails;
    private int callbacksRequested;
    private int callbacksReached;
    private long asaSum;
    private long ahtSum;
    private long abandonSum;
    private long responseSum;
    private long holdSum;
    private long wrapUpSum;
    private Map<String, Long> notReady = new HashMap<>();
    private int refused;
    private int failed;
    private Map<Integer, Integer> lostByCause = new HashMap<>();

    /** Takes one event, in journal order. */
    public void accept(JournalEvent e) {
        Decoded d = CallEventCodec.decode(e);
        calls.accept(d, e.at());
        StatePeriod p = agents.accept(d, e.at());
        if (p != null) {
            period(p);
        }
        switch (d) {
            case OfferMissed x -> missed++;
            case Voicemail x -> voicemails++;
            case CallbackRequested x -> callbacksRequested++;
            case CallbackDone x -> callbacksReached += x.outcome() == CallbackOutcome.REACHED ? 1 : 0;
            case Night x -> night++;
            case Refused x -> {
                offered++;
                refused++;
                lostByCause.merge(x.cause().value(), 1, Integer::sum);
            }
            default -> { }
        }
    }

    private void period(StatePeriod p) {
        switch (p.state()) {
            case "WRAP_UP" -> {
                wrapUps++;
                wrapUpSum += p.durationMs();
            }
            case "NOT_READY" -> notReady.merge(p.reasonCode().isEmpty() ? NO_REASON : p.reasonCode(),
                    p.durationMs(), Long::sum);
            default -> { }
        }
    }

    private void ended(CallOutcome c) {
        ivrOnly += c.ivrOnly() ? 1 : 0;
        if (c.failed()) {
            offered++;
            failed++;
            lostByCause.merge(c.cause(), 1, Integer::sum);
            return;
        }
        if (!c.offered()) {
            return;
        }
        offered++;
        if (c.flowedOut()) {
            flowedOut++;
            return;
        }
        if (c.abandoned()) {
            abandoned++;
            abandonSum += c.timeToAbandonMs();
            return;
        }
        answered++;
        if (c.rating() != null) {
            rated(c.rating());
        }
        long asa = c.speedOfAnswerMs();
        asaSum += asa;
        ahtSum += c.handleMs();
        holds += c.holds();
        holdSum += c.holdMs();
        transfers += c.transfers();
        within20 += asa <= SERVICE_LEVEL.toMillis() ? 1 : 0;
        if (c.offeredAt() != null) {
            within3 += CallOutcome.ms(c.offeredAt(), c.answeredAt()) <= ANSWER_SPEED.toMillis() ? 1 : 0;
        }
        long response = CallOutcome.ms(c.startedAt(), c.answeredAt());
        responseSum += response;
        within8 += response <= RESPONSE.toMillis() ? 1 : 0;
    }

    private void rated(int rating) {
        rated++;
        switch (rating) {
            case 1 -> satisfied++;
            case 2 -> neutral++;
            default -> dissatisfied++;
        }
    }

    /** The figures of the calls ended since the last {@link #takeAndReset}; calls in progress carry over. */
    public ServiceFigures takeAndReset() {
        HandlingFigures h = new HandlingFigures(flowedOut, ivrOnly, night, neutral, dissatisfied, holds, holdSum,
                transfers, wrapUps, avg(wrapUpSum, wrapUps), voicemails, callbacksRequested, callbacksReached, notReady);
        ServiceFigures f = new ServiceFigures(offered, answered, abandoned, within20, within3, within8, missed,
                avg(asaSum, answered), avg(ahtSum, answered), avg(abandonSum, abandoned), avg(responseSum, answered),
                rated, satisfied, h, new LostAttempts(refused, failed, lostByCause));
        refused = failed = 0;
        lostByCause = new HashMap<>();
        offered = answered = abandoned = flowedOut = ivrOnly = night = within20 = within3 = within8 = missed = 0;
        rated = satisfied = neutral = dissatisfied = holds = transfers = wrapUps = 0;
        voicemails = callbacksRequested = callbacksReached = 0;
        asaSum = ahtSum = abandonSum = responseSum = holdSum = wrapUpSum = 0;
        notReady = new HashMap<>();
        return f;
    }

    private static long avg(long sum, int n) {
        return n == 0 ? 0 : sum / n;
    }
}
