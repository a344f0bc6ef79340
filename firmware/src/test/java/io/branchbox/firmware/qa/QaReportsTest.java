package io.branchbox.firmware.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.qa.form.FactoryForms;
import io.branchbox.firmware.qa.report.Bulletin;
import io.branchbox.firmware.qa.report.MonthlyReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaReportsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-08T03:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    @Test
    void theBulletinPraisesAndFaultsPerShiftAndTheMonthlyReportShowsFatalErrorsAndMissedItems() throws Exception {
        ListCallSource calls = new ListCallSource();
        // 10:00 and 11:00 Shanghai on the 7th (morning), 23:30 on the 7th (night of the 7th)
        calls.calls.add(new CallFacts("c1", "agent1", "inquiry", "", Instant.parse("2026-12-07T02:00:00Z"), 60_000, 0, true));
        calls.calls.add(new CallFacts("c2", "agent1", "complaint", "", Instant.parse("2026-12-07T03:00:00Z"), 60_000, 0, true));
        calls.calls.add(new CallFacts("c3", "agent5", "repair", "", Instant.parse("2026-12-07T15:30:00Z"), 60_000, 0, true));
        try (EventJournal journal = EventJournal.open(dir, CLOCK)) {
            QaService qa = QaService.start(journal, calls, CLOCK, ConfigDocuments.defaults());
            qa.score(req("score-c1-000001", "c1", Map.of(), Set.of(), ""), "inspector1");
            qa.score(req("score-c2-000001", "c2", Map.of("courtesy.tone", 2, "closing.more", 5), Set.of("fatal.rude"), "辱骂"), "inspector1");
            qa.score(req("score-c3-000001", "c3", Map.of("closing.more", 0), Set.of(), ""), "inspector1");

            Bulletin b = qa.reports().bulletin(LocalDate.parse("2026-12-07"));
            Bulletin.ShiftPart morning = b.shifts().get(0);
            assertEquals("morning", morning.shiftId());
            assertEquals(2, morning.scored());
            assertEquals(List.of("c1"), morning.praise().stream().map(Bulletin.Entry::callId).toList());
            assertEquals(List.of("c2"), morning.faults().stream().map(Bulletin.Entry::callId).toList());
            assertEquals(List.of("服务态度恶劣、辱骂客户"), morning.faults().get(0).fatal());
            Bulletin.ShiftPart night = b.shifts().get(2);
            assertEquals(1, night.scored(), "23:30 is in the night shift of the 7th");
            assertEquals(List.of(), night.praise(), "90 points is neither praise nor fault");

            MonthlyReport m = qa.reports().monthly(YearMonth.of(2026, 12));
            MonthlyReport.AgentPart a1 = m.agents().get(0);
            assertEquals("agent1", a1.agentId());
            assertEquals(2, a1.scored());
            assertEquals(50.0, a1.average());
            assertEquals(0, a1.min());
            assertEquals(List.of("c2"), a1.fatalCalls().stream().map(MonthlyReport.FatalCall::callId).toList());
            assertEquals(List.of("courtesy.tone", "closing.more"), a1.missed().stream().map(MonthlyReport.Missed::itemId).toList());
            // equally often missed: the one that lost more points first (8 against 5)
            assertEquals(LocalDate.parse("2026-12-07"), a1.trend().get(0).monday());
        }
    }

    private static ScoreRequest req(String id, String callId, Map<String, Integer> lower, Set<String> fatal, String comment) {
        Map<String, Integer> p = new HashMap<>();
        FactoryForms.hotline().items().stream().filter(i -> !i.fatal()).forEach(i -> p.put(i.id(), i.points()));
        p.putAll(lower);
        return new ScoreRequest(id, callId, FactoryForms.HOTLINE, 0, p, fatal, List.of(), comment, false);
    }
}
