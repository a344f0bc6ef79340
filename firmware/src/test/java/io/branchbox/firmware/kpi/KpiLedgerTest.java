package io.branchbox.firmware.kpi;

import static io.branchbox.firmware.kpi.Count.*;
import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KpiLedgerTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final KpiSettings SETTINGS = new KpiSettings(SHANGHAI, 20, 80, List.of(
            new BoxConfig.Shift("morning", "早班", "08:30", "17:30"),
            new BoxConfig.Shift("evening", "晚班", "17:30", "22:00"),
            new BoxConfig.Shift("night", "夜班", "22:00", "08:30")));
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    static Instant local(LocalDate d, String hhmm) {
        return d.atTime(java.time.LocalTime.parse(hhmm)).atZone(SHANGHAI).toInstant();
    }

    /** One answered call: greeting 5 s, queue 4 s, ring 2 s, talk 60 s with a 10 s hold, survey 1, wrap-up 15 s. */
    static void answered(EventScript s, String call, String agent, int rating) {
        s.started(call).e(CALL_ANSWERED, call, null, null).pass(5).queued(call, "repair").pass(4)
                .offered(call, agent, "repair").pass(2).connected(call, agent, "repair").pass(20)
                .e(CALL_HELD, call, agent, "repair").pass(10).e(CALL_RETRIEVED, call, agent, "repair").pass(30)
                .agent(agent, "WRAP_UP", "");
        if (rating > 0) {
            s.pass(3).e(CALL_SURVEY, call, agent, "repair", RATING, String.valueOf(rating));
        }
        s.ended(call, "ANSWERED").pass(rating > 0 ? 12 : 15).agent(agent, "READY", "");
    }

    @Test
    void countsAnsweredAbandonedAndAgentTimeOfOneMorning() {
        EventScript s = new EventScript(local(DAY, "09:00"));
        s.agent("a1", "READY", "");
        answered(s, "c1", "a1", 1);
        s.pass(60);
        answered(s, "c2", "a1", 3);
        // a short abandon (3 s in the queue) and a real one (30 s)
        s.pass(10).started("c3").pass(5).queued("c3", "repair").pass(3).ended("c3", "ABANDONED");
        s.pass(10).started("c4").pass(5).queued("c4", "inquiry").pass(30).ended("c4", "ABANDONED");
        // a not-ready break of 10 minutes
        s.pass(10).agent("a1", "NOT_READY", "meal").pass(600).agent("a1", "READY", "").pass(100);
        KpiLedger l = new KpiLedger(SETTINGS, 10);
        s.feed(l);
        Map<Group, Counts> day = l.days(DAY, DAY, s.now).get(DAY);
        Counts all = day.get(Group.ALL);
        assertEquals(4, all.get(OFFERED));
        assertEquals(1, all.get(SHORT_ABANDONED));
        assertEquals(3, all.get(ASKED));
        assertEquals(2, all.get(HANDLED));
        assertEquals(1, all.get(ABANDONED));
        assertEquals(2, all.get(ANSWERED_IN_SL));
        assertEquals(2, all.get(ANSWERED_WITHIN_3S));
        assertEquals(2 * 6_000, all.get(ASA_MS)); // queue 4 s + ringing 2 s
        assertEquals(2 * 11_000, all.get(RESPONSE_MS));
        assertEquals(0, all.get(RESPONSE_WITHIN_8S));
        assertEquals(2 * 50_000, all.get(TALK_MS));
        assertEquals(2 * 10_000, all.get(HOLD_MS));
        // wrap-up: 3 + 12 s (rated) and 3 + 12 s
        assertEquals(2 * 15_000, all.get(WRAP_UP_MS));
        assertEquals(2, all.get(RATED));
        assertEquals(2, all.get(VALID_RATED));
        assertEquals(1, all.get(SATISFIED));
        assertEquals(600_000, all.notReadyByReason().get("meal"));

        KpiRow row = KpiReports.rows(l.days(DAY, DAY, s.now), DAY, DAY, Grouping.ALL, SETTINGS).get(0);
        assertEquals(2 * 100.0 / 3, row.value(Kpi.MANUAL_ANSWER_RATE).value(), 1e-9);
        assertEquals(100.0 / 3, row.value(Kpi.ABANDON_RATE).value(), 1e-9);
        assertEquals(50.0, row.value(Kpi.SATISFACTION).value(), 1e-9);
        assertEquals(75.0, row.value(Kpi.AHT).value(), 1e-9); // (50 + 10 + 15) s
        assertEquals(11.0, row.value(Kpi.RESPONSE_TIME).value(), 1e-9);
        assertEquals(KpiValue.Status.MISSED, row.value(Kpi.RESPONSE_TIME).status());
        assertEquals(0.0, row.value(Kpi.QA_COMPLETION).value(), "1 call due for scoring (5 % of 2), none scored: 0 %, not no data");
        assertEquals(1, row.value(Kpi.QA_COMPLETION).denominator());
        assertNull(row.value(Kpi.REPAIR_CALLBACK_RATE).value());

        Counts a1 = day.get(Group.agent("a1"));
        assertEquals(2, a1.get(HANDLED));
        assertEquals(1, a1.get(SATISFIED));
        assertEquals(2 * 75_000, a1.get(HANDLE_MS));
        KpiRow agentRow = KpiReports.rows(l.days(DAY, DAY, s.now), DAY, DAY, Grouping.AGENT, SETTINGS).get(0);
        assertNull(agentRow.value(Kpi.ASA), "the queue's wait is not the agent's figure");
        assertEquals(Group.queue("inquiry"),
                KpiReports.rows(l.days(DAY, DAY, s.now), DAY, DAY, Grouping.QUEUE, SETTINGS).get(0).group());
        assertEquals(3, l.calls(DAY, DAY).stream().filter(c -> c.counted().contains(ASKED)).count());
    }

    @Test
    void aTransferredCallCountsForBothAgentsAndOnceForTheBranch() {
        EventScript s = new EventScript(local(DAY, "10:00"));
        s.agent("a1", "READY", "").agent("a2", "READY", "");
        s.started("c1").pass(5).queued("c1", "repair").pass(1).offered("c1", "a1", "repair").pass(1)
                .connected("c1", "a1", "repair").pass(30)
                .e(CALL_TRANSFERRED, "c1", "a1", "repair", KIND, "BLIND", TO, "agent:a2").agent("a1", "WRAP_UP", "")
                .offered("c1", "a2", "repair").pass(5).connected("c1", "a2", "repair").pass(40)
                .agent("a2", "WRAP_UP", "").ended("c1", "ANSWERED").pass(10).agent("a1", "READY", "")
                .agent("a2", "READY", "");
        KpiLedger l = new KpiLedger(SETTINGS, 10);
        s.feed(l);
        Map<Group, Counts> day = l.days(DAY, DAY, s.now).get(DAY);
        assertEquals(1, day.get(Group.ALL).get(HANDLED));
        assertEquals(70_000, day.get(Group.ALL).get(TALK_MS));
        assertEquals(1, day.get(Group.ALL).get(TRANSFERS));
        assertEquals(30_000, day.get(Group.agent("a1")).get(TALK_MS));
        assertEquals(40_000, day.get(Group.agent("a2")).get(TALK_MS));
        assertEquals(1, day.get(Group.agent("a1")).get(ANSWERED_WITHIN_3S));
        assertEquals(0, day.get(Group.agent("a2")).get(ANSWERED_WITHIN_3S), "a2 let it ring 5 s");
    }

    @Test
    void aCallCountsOnTheDayItEndedAndAgentTimeIsCutAtMidnightAndShifts() {
        LocalDate next = DAY.plusDays(1);
        EventScript s = new EventScript(local(DAY, "23:59"));
        s.agent("a1", "READY", "");
        s.started("c1").pass(5).queued("c1", "repair").pass(1).offered("c1", "a1", "repair").pass(1)
                .connected("c1", "a1", "repair").pass(120).agent("a1", "WRAP_UP", "").ended("c1", "ANSWERED")
                .pass(10).agent("a1", "READY", "");
        s.at(local(next, "09:00")).agent("a1", "LOGGED_OUT", "");
        KpiLedger l = new KpiLedger(SETTINGS, 10);
        s.feed(l);
        TreeMap<LocalDate, Map<Group, Counts>> books = l.days(DAY, next, s.now);
        assertEquals(0, books.get(DAY).get(Group.ALL).get(HANDLED));
        assertEquals(1, books.get(next).get(Group.ALL).get(HANDLED));
        assertEquals(60_000, books.get(DAY).get(Group.agent("a1")).get(LOGGED_IN_MS));
        // next day: 00:00..09:00 logged in, of which 08:30..09:00 in the morning shift
        assertEquals(9 * 3_600_000, books.get(next).get(Group.agent("a1")).get(LOGGED_IN_MS));
        assertEquals(30 * 60_000, books.get(next).get(Group.shift("morning")).get(LOGGED_IN_MS));
        assertEquals(1, books.get(next).get(Group.shift("night")).get(HANDLED), "counted in the shift it started in");
    }

    @Test
    void aRestartEndsOpenCallsAndAgentTimeAtTheLastEvent() {
        EventScript s = new EventScript(local(DAY, "10:00"));
        s.agent("a1", "READY", "");
        s.started("c1").pass(5).queued("c1", "repair").pass(1).offered("c1", "a1", "repair").pass(1)
                .connected("c1", "a1", "repair").pass(20).e(CALL_HELD, "c1", "a1", "repair");
        // power cut; the box is back two hours later, crash recovery closes c1 at the restart time
        s.pass(7200).e(KpiEvents.BOX_STARTED, null, null, null).ended("c1", "ANSWERED")
                .agent("a1", "READY", "").pass(60).agent("a1", "LOGGED_OUT", "");
        KpiLedger l = new KpiLedger(SETTINGS, 10);
        s.feed(l);
        Counts all = l.days(DAY, DAY, s.now).get(DAY).get(Group.ALL);
        assertEquals(1, all.get(HANDLED));
        assertEquals(20_000, all.get(TALK_MS));
        assertEquals(0, all.get(HOLD_MS));
        assertEquals(7_000 + 20_000 + 60_000, all.get(LOGGED_IN_MS), "the two hours off are nobody's time");
    }

    @Test
    void workOrdersAreDecidedOnceAtTheCallbackOrTheDeadline() {
        EventScript s = new EventScript(local(DAY, "10:00"));
        String created = KpiEvents.WORKORDER_CREATED;
        s.e(created, null, "a1", null, KpiEvents.ORDER, "w1", KpiEvents.KIND, "REPAIR")
                .e(created, null, "a1", null, KpiEvents.ORDER, "w2", KpiEvents.KIND, "REPAIR")
                .e(created, null, "a1", null, KpiEvents.ORDER, "k1", KpiEvents.KIND, "COMPLAINT")
                .pass(3600).e(KpiEvents.WORKORDER_STAGE, null, "a1", null, KpiEvents.ORDER, "w1", KpiEvents.STAGE, "COMPLETED")
                .e(KpiEvents.WORKORDER_STAGE, null, "a1", null, KpiEvents.ORDER, "w2", KpiEvents.STAGE, "COMPLETED")
                .pass(3600).e(KpiEvents.WORKORDER_CALLBACK, null, "a1", null, KpiEvents.ORDER, "w1", KpiEvents.OUTCOME, "REACHED")
                .e(KpiEvents.WORKORDER_CALLBACK, null, "a1", null, KpiEvents.ORDER, "w2", KpiEvents.OUTCOME, "NO_ANSWER");
        KpiLedger l = new KpiLedger(SETTINGS, 10);
        s.feed(l);
        Instant later = local(DAY.plusDays(2), "12:00");
        TreeMap<LocalDate, Map<Group, Counts>> books = l.days(DAY, DAY.plusDays(2), later);
        Counts d1 = books.get(DAY).get(Group.ALL);
        assertEquals(1, d1.get(REPAIR_DUE), "w1 decided at its reaching callback");
        Counts d2 = books.get(DAY.plusDays(1)).get(Group.ALL);
        assertEquals(1, d2.get(REPAIR_DUE), "w2 decided at its deadline");
        assertEquals(1, d2.get(REPAIR_CALLED_BACK));
        assertEquals(0, d2.get(REPAIR_REACHED));
        assertEquals(1, d2.get(COMPLAINTS_DUE));
        assertEquals(0, d2.get(COMPLAINTS_ON_TIME));
        KpiRow week = KpiReports.rows(books, DAY, DAY.plusDays(2), Grouping.ALL, SETTINGS).get(0);
        assertEquals(100.0, week.value(Kpi.REPAIR_CALLBACK_RATE).value(), 1e-9);
        assertEquals(50.0, week.value(Kpi.VALID_CALLBACK_RATE).value(), 1e-9);
        assertEquals(0.0, week.value(Kpi.COMPLAINT_TIMELINESS).value(), 1e-9);
    }

    @Test
    void anEmptyPeriodGivesTheBranchRowWithNoData() {
        KpiLedger l = new KpiLedger(SETTINGS, 10);
        List<KpiRow> rows = KpiReports.rows(l.days(DAY, DAY, local(DAY, "12:00")), DAY, DAY, Grouping.ALL, SETTINGS);
        assertEquals(1, rows.size());
        assertEquals("2026-12-01", rows.get(0).period());
        rows.get(0).values().forEach(v -> assertNull(v.value(), v.kpi().key()));
    }

    @Test
    void closedDaysReadBackFromRollUpsUnchanged(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        EventScript s = new EventScript(local(DAY, "09:00"));
        s.agent("a1", "READY", "").agent("a1", "NOT_READY", "meal").pass(60).agent("a1", "READY", "");
        answered(s, "c1", "a1", 1);
        KpiLedger l = new KpiLedger(SETTINGS, 10);
        s.feed(l);
        Map<Group, Counts> day = l.days(DAY, DAY, s.now).get(DAY);
        DayRollups r = new DayRollups(dir, SETTINGS);
        r.write(DAY, day);
        assertEquals(day, r.read(DAY));
        KpiSettings other = new KpiSettings(SHANGHAI, 30, 80, SETTINGS.shifts());
        assertNull(new DayRollups(dir, other).read(DAY), "made under other settings: not used");
    }
}
