package io.branchbox.firmware.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.qa.form.FactoryForms;
import io.branchbox.firmware.qa.form.ScoringForm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaSignOffTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private final ListCallSource calls = new ListCallSource();

    QaSignOffTest() {
        calls.calls.add(new CallFacts("20261207-100000-0001", "agent1", "inquiry", "answered",
                Instant.parse("2026-12-07T02:00:00Z"), 120_000, 0, true));
        calls.calls.add(new CallFacts("20261207-100500-0002", "agent2", "repair", "answered",
                Instant.parse("2026-12-07T02:05:00Z"), 90_000, 0, true));
    }

    private static ScoreRequest score(String scoreId, String callId, int greeting, Set<String> fatal, String comment) {
        Map<String, Integer> p = new HashMap<>();
        FactoryForms.hotline().items().stream().filter(i -> !i.fatal()).forEach(i -> p.put(i.id(), i.points()));
        p.put("greeting.standard", greeting);
        return new ScoreRequest(scoreId, callId, FactoryForms.HOTLINE, 0, p, fatal,
                List.of(new Mark(42_000, "<script>alert(1)</script> 未报工号")), comment, false);
    }

    @Test
    void scoreDisputeConfirmEachJournaledWithWhoAndARepeatIsRecordedOnce() throws Exception {
        List<JournalEvent> qaEvents = new ArrayList<>();
        try (EventJournal journal = EventJournal.open(dir, CLOCK)) {
            QaService qa = QaService.start(journal, calls, CLOCK, ConfigDocuments.defaults());
            Score first = qa.score(score("score-0001-aaaa", "20261207-100000-0001", 4, Set.of(), ""), "inspector1");
            Score again = qa.score(score("score-0001-aaaa", "20261207-100000-0001", 4, Set.of(), ""), "inspector1");
            assertEquals(first, again);
            assertEquals(94, first.total());
            assertEquals(1, first.formVersion());
            assertThrows(QaException.class,
                    () -> qa.score(score("score-0002-bbbb", "20261207-100000-0001", 10, Set.of(), ""), "inspector2"),
                    "a second score of a scored call is a conflict");

            QaException refused = assertThrows(QaException.class,
                    () -> qa.dispute("20261207-100000-0001", "agent2", "not mine"));
            assertEquals(QaException.Kind.FORBIDDEN, refused.kind());

            qa.dispute("20261207-100000-0001", "agent1", "我报了工号");
            QaResult r = qa.confirm("20261207-100000-0001", "lead1", "录音中未听到工号");
            assertEquals(SignOff.CONFIRMED, r.state());
            assertEquals(List.of("qa.scored", "qa.disputed", "qa.confirmed"), r.steps().stream().map(QaResult.Step::type).toList());
            assertEquals(List.of("inspector1", "agent1", "lead1"), r.steps().stream().map(QaResult.Step::by).toList());
            journal.flush();
            journal.replay(e -> {
                if (e.type().startsWith("qa.") && !e.type().equals(QaEventTypes.FORM_DEFINED)) {
                    qaEvents.add(e);
                }
            });
        }
        assertEquals(3, qaEvents.size(), "the repeated score is not journaled twice: " + qaEvents);

        try (EventJournal journal = EventJournal.open(dir, CLOCK)) {
            QaService rebuilt = QaService.start(journal, calls, CLOCK, ConfigDocuments.defaults());
            QaResult r = rebuilt.book().result("20261207-100000-0001").orElseThrow();
            assertEquals(SignOff.CONFIRMED, r.state(), "the book is rebuilt from the journal");
            assertEquals("<script>alert(1)</script> 未报工号", r.current().marks().get(0).text());
            assertEquals(1, rebuilt.book().latestForms().size(), "the factory form is defined once");
        }
    }

    @Test
    void aChangedScoreIsANewEventAndOldScoresKeepTheirFormVersion() throws Exception {
        try (EventJournal journal = EventJournal.open(dir, CLOCK)) {
            QaService qa = QaService.start(journal, calls, CLOCK, ConfigDocuments.defaults());
            qa.score(score("score-1111-aaaa", "20261207-100000-0001", 10, Set.of("fatal.rude"), "辱骂客户"), "inspector1");
            ScoringForm v2 = qa.defineForm(FactoryForms.hotline(), "qa-manager");
            assertEquals(2, v2.version());

            qa.dispute("20261207-100000-0001", "agent1", "客户先骂人");
            QaResult changed = qa.change(score("score-1111-bbbb", "20261207-100000-0001", 10, Set.of(), "改判"), "lead1");

            assertEquals(SignOff.CHANGED, changed.state());
            assertEquals(0, changed.first().total(), "a fatal error zeroes the score");
            assertEquals(1, changed.first().formVersion(), "the first score keeps the version it was given with");
            assertEquals(100, changed.current().total());
            assertEquals(2, changed.current().formVersion());
            assertEquals("score-1111-aaaa", changed.current().replaces());
            assertThrows(QaException.class, () -> qa.confirm("20261207-100000-0001", "lead1", ""));
        }
    }

    @Test
    void aLowScoreWithoutACommentOrWithPointsOutOfRangeIsRefused() throws Exception {
        try (EventJournal journal = EventJournal.open(dir, CLOCK)) {
            QaService qa = QaService.start(journal, calls, CLOCK, ConfigDocuments.defaults());
            QaException low = assertThrows(QaException.class,
                    () -> qa.score(score("score-2222-aaaa", "20261207-100500-0002", 0, Set.of("fatal.harm"), ""), "i"));
            assertTrue(low.getMessage().contains("comment"), low.getMessage());
            QaException range = assertThrows(QaException.class,
                    () -> qa.score(score("score-2222-bbbb", "20261207-100500-0002", 11, Set.of(), ""), "i"));
            assertTrue(range.getMessage().contains("0..10"), range.getMessage());
            assertTrue(qa.book().results().isEmpty());
        }
    }

    @Test
    void aScoredCallsRecordingIsKeptForKeepDaysAfterItsScoreAndAnUnscoredOneIsNot() throws Exception {
        try (EventJournal journal = EventJournal.open(dir, CLOCK)) {
            QaService qa = QaService.start(journal, calls, CLOCK, ConfigDocuments.defaults());
            qa.score(score("score-keep-0001", "20261207-100000-0001", 4, Set.of(), ""), "inspector1");
            int keepDays = qa.settings().keepDays();
            assertTrue(keepDays >= 183, "six months at least: " + keepDays);
            Instant scoredAt = CLOCK.instant();
            assertTrue(qa.keepsRecording("20261207-100000-0001", scoredAt.plus(java.time.Duration.ofDays(keepDays - 1))));
            assertFalse(qa.keepsRecording("20261207-100000-0001", scoredAt.plus(java.time.Duration.ofDays(keepDays + 1))));
            assertFalse(qa.keepsRecording("20261207-100500-0002", scoredAt), "an unscored call's recording follows retention");
            // a restart replays the journal: the keeper still knows the score
            journal.flush();
            QaService again = QaService.start(journal, calls, CLOCK, ConfigDocuments.defaults());
            assertTrue(again.keepsRecording("20261207-100000-0001", scoredAt.plus(java.time.Duration.ofDays(keepDays - 1))));
        }
    }
}
