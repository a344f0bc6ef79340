package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.console.TransferTarget;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.kpi.Count;
import io.branchbox.firmware.kpi.Group;
import io.branchbox.firmware.kpi.Grouping;
import io.branchbox.firmware.kpi.Kpi;
import io.branchbox.firmware.kpi.KpiEvents;
import io.branchbox.firmware.kpi.KpiLedger;
import io.branchbox.firmware.kpi.KpiReports;
import io.branchbox.firmware.kpi.KpiRow;
import io.branchbox.firmware.kpi.KpiSettings;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The done-when test of the KPIs, in virtual time at the call-control level: a scripted week of
 * callers and agents through the real {@link CallManager} (answers, holds, transfers, surveys,
 * refusals, long and short abandons, and a power cut with a restart in the middle of a call). The
 * script keeps its own tally of what each KPI must be, from the durations it chose and the moments
 * it saw (never from the journal), and the figures folded from the events call control journaled
 * must equal it, for the week and per agent.
 */
class KpiWeekTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final BoxConfig CONFIG;

    static {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Console c = d.console();
        CONFIG = d.withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of("95598", "inquiry"), "survey"))
                .withConsole(new BoxConfig.Console(1, c.notReadyReasons(), c.wrapUpCodes(), c.callbackAttempts(),
                        c.callbackRetryS()));
    }

    /** What the script expects, tallied as it goes. */
    static final class Tally {
        long offered, shortAbandoned, handled, abandoned, inSl, within3s, responseWithin8s, rated, valid, satisfied;
        long asaMs, responseMs, talkMs, holdMs, wrapMs, refused, transfers;
        final Map<String, long[]> perAgent = new java.util.TreeMap<>(); // handled, talkMs

        void agent(String a, long talk) {
            long[] v = perAgent.computeIfAbsent(a, k -> new long[2]);
            v[0]++;
            v[1] += talk;
        }
    }

    final KpiSettings settings = KpiSettings.of(CONFIG);
    final KpiLedger ledger = new KpiLedger(settings, 10);
    final AtomicLong seq = new AtomicLong();
    final Tally want = new Tally();
    CallFixture f;
    int ts;

    CallFixture box(Instant start) {
        CallFixture b = new CallFixture(CONFIG, Path.of("/nonexistent"), new ManualScheduler(start, ZoneOffset.UTC));
        b.journal = this::record;
        return b;
    }

    Instant now() {
        return f.scheduler.clock().instant();
    }

    /** A caller dials in and listens to the greeting until the call waits in its queue; returns the trunk. */
    CallFixture.Trunk toQueue() {
        CallFixture.Trunk t = f.new Trunk(++ts % 30 + 1, "13800138000", "95598");
        f.calls.onIncoming(t);
        // frame by frame, as the board sends them: the script notes the moment the caller is queued
        while (true) {
            f.router.onFrame(CallFixture.SPAN0, t.ts, 0, new byte[160], 0);
            f.scheduler.runPending();
            if (f.calls.calls().stream().anyMatch(c -> c.trunk() == t && c.state() == Call.State.QUEUED)) {
                return t;
            }
            f.scheduler.advance(Duration.ofMillis(20));
        }
    }

    Call callOf(CallFixture.Trunk t) {
        return f.calls.calls().stream().filter(c -> c.trunk() == t).findFirst().orElseThrow();
    }

    /** Seat's agent gets ready and answers after {@code ringS}; talks, holds, talks; hangs up; the caller rates or not. */
    void answered(int seat, double waitS, double ringS, double talk1, double hold, double talk2, char rating) {
        Instant started = now();
        CallFixture.Trunk t = toQueue();
        Instant queued = now();
        f.scheduler.advance(ms(waitS));
        f.calls.onReadyButton(seat);
        f.scheduler.advance(ms(ringS));
        f.calls.onAnswerButton(seat);
        f.scheduler.runPending();
        Instant connected = now();
        f.scheduler.advance(ms(talk1));
        if (hold > 0) {
            f.calls.control().hold(f.agent(seat));
            f.scheduler.advance(ms(hold));
            f.calls.control().retrieve(f.agent(seat));
        }
        f.scheduler.advance(ms(talk2));
        f.calls.onAnswerButton(seat); // hangs up: survey, wrap-up
        if (rating != 0) {
            f.scheduler.advance(ms(2));
            f.press(t.ts, String.valueOf(rating));
        } else {
            f.scheduler.advance(Duration.ofSeconds(16)); // survey unanswered
        }
        f.scheduler.advance(Duration.ofSeconds(11)); // wrap-up (10 s) over: ready again
        f.calls.onReadyButton(seat); // and not ready until the script needs the agent
        long talk = ms(talk1).toMillis() + ms(talk2).toMillis();
        tallyAnswer(started, queued, connected, ringS <= 3);
        want.talkMs += talk;
        want.holdMs += ms(hold).toMillis();
        want.wrapMs += 10_000;
        if (rating != 0) {
            want.rated++;
            want.valid += talk >= 10_000 ? 1 : 0;
            want.satisfied += talk >= 10_000 && rating == '1' ? 1 : 0;
        }
        want.agent(f.agent(seat).id(), talk);
    }

    /** The caller gives up after {@code waitS} in the queue with nobody ready. */
    void abandoned(double waitS) {
        CallFixture.Trunk t = toQueue();
        f.scheduler.advance(ms(waitS));
        f.calls.onTrunkCleared(t, Q850Cause.NORMAL_CLEARING);
        want.offered++;
        if (waitS < 5) {
            want.shortAbandoned++;
        } else {
            want.abandoned++;
        }
    }

    /** Seat 1 lets the call ring out (12 s, refused), goes not ready; seat 2 answers after 1 s and talks 20 s. */
    void refusedThenAnswered() {
        Instant started = now();
        CallFixture.Trunk t = toQueue();
        Instant queued = now();
        f.calls.onReadyButton(1);
        f.scheduler.advance(Duration.ofSeconds(13));
        assertEquals(io.branchbox.firmware.acd.AgentState.NOT_READY, f.agent(1).state(), "one miss sets not ready here");
        f.calls.onReadyButton(2);
        f.scheduler.advance(Duration.ofSeconds(1));
        f.calls.onAnswerButton(2);
        f.scheduler.runPending();
        Instant connected = now();
        f.scheduler.advance(Duration.ofSeconds(20));
        f.calls.onTrunkCleared(t, Q850Cause.NORMAL_CLEARING); // the caller hangs up first: no survey
        f.scheduler.advance(Duration.ofSeconds(11));
        f.calls.onReadyButton(2);
        tallyAnswer(started, queued, connected, true); // 1 s after the last offer
        want.refused++;
        want.talkMs += 20_000;
        want.wrapMs += 10_000;
        want.agent("agent2", 20_000);
    }

    /** Seat 1 answers, talks 15 s, transfers blind to seat 3, who talks 25 s; the caller rates 1. */
    void transferred() {
        Answer a = answeredAtOnce(1);
        CallFixture.Trunk t = a.trunk();
        f.scheduler.advance(Duration.ofSeconds(15));
        f.calls.onReadyButton(3);
        f.calls.control().transfer(f.agent(1), TransferTarget.agent("agent3"), false);
        f.scheduler.advance(Duration.ofSeconds(2));
        f.calls.onAnswerButton(3);
        f.scheduler.runPending();
        f.scheduler.advance(Duration.ofSeconds(25));
        f.calls.onAnswerButton(3);
        f.scheduler.advance(ms(2));
        f.press(t.ts, "1");
        f.scheduler.advance(Duration.ofSeconds(11));
        f.calls.onReadyButton(1);
        f.calls.onReadyButton(3);
        tallyAnswer(a.started(), a.queued(), a.connected(), true);
        want.transfers++;
        want.talkMs += 40_000;
        want.wrapMs += 20_000; // both agents wrap up 10 s
        want.rated++;
        want.valid++;
        want.satisfied++;
        want.agent("agent1", 15_000);
        want.agent("agent3", 25_000);
    }

    /** The moments of one answered call as the script saw them. */
    record Answer(CallFixture.Trunk trunk, Instant started, Instant queued, Instant connected) {}

    /** A caller reaches the queue; {@code seat} gets ready and answers at once. */
    Answer answeredAtOnce(int seat) {
        Instant started = now();
        CallFixture.Trunk t = toQueue();
        Instant queued = now();
        f.calls.onReadyButton(seat);
        f.calls.onAnswerButton(seat);
        f.scheduler.runPending();
        return new Answer(t, started, queued, now());
    }

    /** Tallies an answered call's speed, response and service level. */
    void tallyAnswer(Instant started, Instant queued, Instant connected, boolean within3s) {
        want.offered++;
        want.handled++;
        long asa = Duration.between(queued, connected).toMillis();
        want.asaMs += asa;
        want.inSl += asa <= 20_000 ? 1 : 0;
        want.within3s += within3s ? 1 : 0;
        long response = Duration.between(started, connected).toMillis();
        want.responseMs += response;
        want.responseWithin8s += response <= 8_000 ? 1 : 0;
    }

    static Duration ms(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    @Test
    void everyKpiOfAScriptedWeekEqualsTheScriptsOwnTally() {
        f = box(MONDAY.atTime(9, 0).atZone(settings.zone()).toInstant());
        for (int day = 0; day < 7; day++) {
            Instant morning = MONDAY.plusDays(day).atTime(9, 0).atZone(settings.zone()).toInstant();
            if (now().isBefore(morning)) {
                f.scheduler.advance(Duration.between(now(), morning));
            }
            answered(1, 2, 1, 30, 10, 20, '1');
            answered(2, 4, 2, 8, 0, 1, '3');        // too short a talk for a valid rating
            answered(3, 25, 4, 60, 0, 0, (char) 0); // slow: out of the service level, not within 3 s
            abandoned(30);
            abandoned(2);
            refusedThenAnswered();
            transferred();
            if (day == 3) {
                powerCutDuringACallAndRestart();
            }
        }
        LocalDate sunday = MONDAY.plusDays(6);
        KpiRow week = KpiReports.rows(ledger.days(MONDAY, sunday, now()), MONDAY, sunday, Grouping.ALL, settings).get(0);
        assertEquals(want.offered, week.counts().get(Count.OFFERED));
        assertEquals(want.shortAbandoned, week.counts().get(Count.SHORT_ABANDONED));
        assertEquals(want.abandoned, week.counts().get(Count.ABANDONED));
        assertEquals(want.handled, week.counts().get(Count.HANDLED));
        assertEquals(want.refused, week.counts().get(Count.MISSED_OFFERS));
        assertEquals(want.transfers, week.counts().get(Count.TRANSFERS));
        long asked = want.offered - want.shortAbandoned;
        assertKpi(week, Kpi.MANUAL_ANSWER_RATE, 100.0 * want.handled / asked);
        assertKpi(week, Kpi.ABANDON_RATE, 100.0 * want.abandoned / asked);
        assertKpi(week, Kpi.SERVICE_LEVEL, 100.0 * want.inSl / asked);
        assertKpi(week, Kpi.ANSWER_WITHIN_3S, 100.0 * want.within3s / want.handled);
        assertKpi(week, Kpi.SURVEY_SAMPLING_RATE, 100.0 * want.rated / want.handled);
        assertKpi(week, Kpi.VALID_RATING_RATE, 100.0 * want.valid / want.handled);
        assertKpi(week, Kpi.SATISFACTION, 100.0 * want.satisfied / want.valid);
        assertKpi(week, Kpi.ASA, want.asaMs / 1000.0 / want.handled);
        assertKpi(week, Kpi.RESPONSE_TIME, want.responseMs / 1000.0 / want.handled);
        assertKpi(week, Kpi.AHT, (want.talkMs + want.holdMs + want.wrapMs) / 1000.0 / want.handled);
        assertEquals(want.talkMs, week.counts().get(Count.TALK_MS));
        assertEquals(want.holdMs, week.counts().get(Count.HOLD_MS));
        assertEquals(want.responseWithin8s, week.counts().get(Count.RESPONSE_WITHIN_8S));
        assertEquals(0.0, week.value(Kpi.QA_COMPLETION).value(), "calls due for scoring, none scored: 0 %, not no data");
        assertNull(week.value(Kpi.REPAIR_CALLBACK_RATE).value(), "no work orders: no data");
        for (KpiRow agent : KpiReports.rows(ledger.days(MONDAY, sunday, now()), MONDAY, sunday, Grouping.AGENT, settings)) {
            long[] w = want.perAgent.get(agent.group().name());
            assertEquals(w[0], agent.counts().get(Count.HANDLED), agent.group().name());
            assertEquals(w[1], agent.counts().get(Count.TALK_MS), agent.group().name());
        }
        // a closed day recomputed from the same events is the same
        KpiLedger again = new KpiLedger(settings, 0);
        replayed.forEach(again::accept);
        assertEquals(ledger.days(MONDAY, MONDAY, now()), again.days(MONDAY, MONDAY, now()));
    }

    /** Every event, in order, as the journal holds it: for the recomputation. */
    final List<JournalEvent> replayed = new java.util.ArrayList<>();

    void record(JournalEvent e) {
        JournalEvent withSeq = e.withSeq(seq.incrementAndGet());
        replayed.add(withSeq);
        ledger.accept(withSeq);
    }

    /** Seat 1 talks 30 s, puts the caller on hold; 10 s later the power goes; the box is back 2 h later. */
    void powerCutDuringACallAndRestart() {
        Answer a = answeredAtOnce(1);
        CallFixture.Trunk t = a.trunk();
        f.scheduler.advance(Duration.ofSeconds(30));
        f.calls.control().hold(f.agent(1));
        f.scheduler.advance(Duration.ofSeconds(10));
        Instant back = now().plus(Duration.ofHours(2));
        // the restart: box.started, then crash recovery closes the call (both journaled at start)
        record(JournalEvent.of(back, KpiEvents.BOX_STARTED, null, null, null, Map.of()));
        record(JournalEvent.of(back, CallEventTypes.CALL_ENDED, callOf(t).id(), null, null,
                Map.of(CallEventTypes.DISPOSITION, "ANSWERED", CallEventTypes.CAUSE, "41")));
        f = box(back);
        tallyAnswer(a.started(), a.queued(), a.connected(), true);
        want.talkMs += 30_000; // the hold was cut at the last event before the restart
        want.agent("agent1", 30_000);
    }

    static void assertKpi(KpiRow row, Kpi k, double expected) {
        assertTrue(row.value(k).value() != null, k.key() + " has data");
        assertEquals(expected, row.value(k).value(), 1e-9, k.key());
    }
}
