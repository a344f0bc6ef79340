package io.branchbox.firmware.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.qa.CallFacts;
import io.branchbox.firmware.qa.CallSource;
import io.branchbox.firmware.qa.QaCompletion;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.qa.ScoreRequest;
import io.branchbox.firmware.qa.form.FactoryForms;
import io.branchbox.firmware.qa.form.ScoringForm;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * QA completion has one definition ({@link QaCompletion}, docs/KPIS.md): the KPI folded from the
 * journal and the QA pages' monthly figure both equal what this test counts from its own script
 * of calls answered and scored in December, some scored only in January, one scored and then
 * changed by the shift lead (counted once).
 */
class QaCompletionKpiTest {
    static final ZoneId ZONE = KpiLedgerTest.SHANGHAI;
    static final YearMonth DEC = YearMonth.of(2026, 12);
    static final String[] AGENTS = {"agent1", "agent2", "agent3", "agent4", "agent5", "agent6"};

    @TempDir
    Path dir;

    @Test
    void theKpiAndTheQaReportBothEqualTheScriptsOwnCount() throws Exception {
        Random r = new Random(18);
        EventScript calls = new EventScript(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(ZONE).toInstant());
        List<CallFacts> facts = new ArrayList<>();
        // the script: 20 working days, 7 to 12 answered calls a day, each by one of six agents
        for (int d = 1; d <= 28; d += (d % 7 == 5) ? 3 : 1) {
            calls.at(LocalDate.of(2026, 12, d).atTime(9, 0).atZone(ZONE).toInstant());
            int n = 7 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                String id = String.format("c%02d%02d", d, i);
                String agent = AGENTS[r.nextInt(AGENTS.length)];
                calls.agent(agent, "READY", "");
                Instant before = calls.now;
                KpiLedgerTest.answered(calls, id, agent, 0);
                facts.add(new CallFacts(id, agent, "repair", "", before.plusSeconds(11), 60_000, 10_000, true));
                calls.pass(120);
            }
        }
        int answered = facts.size();

        // the QA service journals its scores at the script's times (virtual time, moved by the script)
        ManualScheduler time = new ManualScheduler(calls.now, ZONE);
        Clock clock = time.clock();
        CallSource source = new CallSource() {
            @Override
            public List<CallFacts> answered(Instant from, Instant to) {
                return facts.stream().filter(c -> !c.answeredAt().isBefore(from) && c.answeredAt().isBefore(to)).toList();
            }

            @Override
            public Optional<CallFacts> call(String callId) {
                return facts.stream().filter(c -> c.callId().equals(callId)).findFirst();
            }
        };
        BoxConfig config = ConfigDocuments.defaults();
        try (EventJournal journal = EventJournal.open(dir.resolve("journal"), clock)) {
            for (JournalEvent e : calls.events) {
                journal.append(e);
            }
            QaService qa = QaService.start(journal, source, clock, config);
            ScoringForm form = FactoryForms.hotline();

            // scored in December: every 9th call, on the last day of December at 15:00
            Set<String> scoredInDecember = new HashSet<>();
            time.stepWallClock(Duration.between(clock.instant(), LocalDate.of(2026, 12, 31).atTime(15, 0).atZone(ZONE).toInstant()));
            for (int i = 0; i < facts.size(); i += 9) {
                qa.score(fullMarks(facts.get(i).callId(), form), "inspector");
                scoredInDecember.add(facts.get(i).callId());
            }
            // one of them disputed and changed by the shift lead: the same call, not a second one
            CallFacts changed = facts.get(0);
            qa.dispute(changed.callId(), changed.agentId(), "I did greet");
            qa.change(fullMarks(changed.callId(), form), "lead");
            // December's calls scored on 2 January count in January, not December
            time.stepWallClock(Duration.between(clock.instant(), LocalDate.of(2027, 1, 2).atTime(10, 0).atZone(ZONE).toInstant()));
            for (int i = 4; i < facts.size(); i += 9) {
                qa.score(fullMarks(facts.get(i).callId(), form), "inspector");
            }
            journal.flush();

            // the script's own count (no code of the box): 5 % of the answered calls, rounded up
            int plannedByHand = answered / 20 + (answered % 20 == 0 ? 0 : 1);
            double percentByHand = 100.0 * scoredInDecember.size() / plannedByHand;

            // the KPI, folded from the journal as the box folds it
            KpiLedger ledger = new KpiLedger(KpiSettings.of(config), 62);
            journal.replay(ledger);
            LocalDate first = DEC.atDay(1);
            LocalDate last = DEC.atEndOfMonth();
            KpiRow month = KpiReports.rows(ledger.days(first, last, clock.instant()), first, last, Grouping.ALL,
                    KpiSettings.of(config)).get(0);
            KpiValue kpi = month.value(Kpi.QA_COMPLETION);
            assertNotNull(kpi.value(), "calls were handled and scored: QA completion has a value");
            assertEquals(answered, month.counts().get(Count.HANDLED));
            assertEquals(scoredInDecember.size(), kpi.numerator(), "calls first scored in December");
            assertEquals(plannedByHand, kpi.denominator());
            assertEquals(percentByHand, kpi.value(), 1e-9);

            // the QA pages' monthly figure: the same definition, the same numbers
            QaCompletion page = qa.completion(DEC);
            assertEquals(answered, page.answered());
            assertEquals(plannedByHand, page.planned());
            assertEquals(scoredInDecember.size(), page.scored());
            assertEquals(Math.round(10 * percentByHand) / 10.0, page.percent().doubleValue());

            // January: the late scores, against January's (no) calls
            assertEquals(facts.size() / 9 + (facts.size() % 9 > 4 ? 1 : 0),
                    qa.completion(YearMonth.of(2027, 1)).scored());
            // ... but January answered nothing, so nothing was planned: no figure (not 100 %, however many scored)
            QaCompletion january = qa.completion(YearMonth.of(2027, 1));
            assertEquals(0, january.planned());
            assertNull(january.percent(), "no data, never 0 % or 100 %");
            assertFalse(january.hasData());
        }
    }

    static ScoreRequest fullMarks(String callId, ScoringForm form) {
        Map<String, Integer> points = new HashMap<>();
        form.items().stream().filter(i -> !i.fatal()).forEach(i -> points.put(i.id(), i.points()));
        return new ScoreRequest(java.util.UUID.randomUUID().toString(), callId, form.id(), 0, points, new HashSet<>(),
                List.of(), "", false);
    }
}
