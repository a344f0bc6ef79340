package io.branchbox.firmware.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallboard figures of {@code stats/scenario-1.trace} (see {@link ScenarioStatisticsTest} for the
 * calls), live and after a restart. Agents a1 and a2 serve repair, a3 serves repair and inquiry.
 */
class LiveQueueStatsTest {
    private static final List<JournalEvent> TRACE = ScenarioTrace.load("/stats/scenario-1.trace");
    private static final Function<String, Collection<String>> MEMBERS =
            agent -> "a3".equals(agent) ? List.of("repair", "inquiry") : List.of("repair");
    private static final Instant MID = ScenarioTrace.at("08:05:30");
    private static final Instant END = ScenarioTrace.at("08:30:00");

    @TempDir
    Path dir;

    /**
     * At 08:05:30 (after the event of 05:26): C7 waits in inquiry since its blind transfer at 05:06,
     * 24 s. repair: offered C1 C2 C3 C6 C7 = 5, answered C1 C2 C6 C7 = 4, abandoned C3, within 20 s
     * C1 C7 = 2; inquiry: offered C4, abandoned C4. Agents: a1 ready, a2 wrap-up (05:25), a3 ready.
     */
    @Test
    void midMorningFigures() {
        LiveQueueStats live = new LiveQueueStats(ScenarioTrace.ZONE, MEMBERS);
        TRACE.stream().filter(e -> !e.at().isAfter(MID)).forEach(live::accept);
        Map<String, QueueNow> q = live.snapshot(MID);

        assertEquals(new QueueNow("repair", 0, 0, 5, 4, 1, 0, 2, Map.of("READY", 2, "WRAP_UP", 1)), q.get("repair"));
        assertEquals(new QueueNow("inquiry", 1, 24_000, 1, 0, 1, 0, 0, Map.of("READY", 1)), q.get("inquiry"));
        assertEquals(Map.of("READY", 2, "WRAP_UP", 1), live.agentsByState());
        assertEquals(40.0, q.get("repair").serviceLevelPercent());
    }

    /**
     * End of the morning: repair offered C1 C2 C3 C6 C7 C9 C10 C13 = 8, answered C1 C2 C6 C7 C13 = 5,
     * abandoned C3 = 1, flowed out C9 C10 = 2, within 20 s C1 C7 C13 = 3: 3 / 8 = 37.5 %. inquiry
     * offered C4 C8 = 2, answered C8, abandoned C4 (C7 came in by transfer: not counted here),
     * within 20 s C8: 50 %. Nobody waits, everyone logged out.
     */
    @Test
    void endOfMorningFigures() {
        LiveQueueStats live = new LiveQueueStats(ScenarioTrace.ZONE, MEMBERS);
        TRACE.forEach(live::accept);
        Map<String, QueueNow> q = live.snapshot(END);

        assertEquals(new QueueNow("repair", 0, 0, 8, 5, 1, 2, 3, Map.of()), q.get("repair"));
        assertEquals(37.5, q.get("repair").serviceLevelPercent());
        assertEquals(new QueueNow("inquiry", 0, 0, 2, 1, 1, 0, 1, Map.of()), q.get("inquiry"));
        assertEquals(50.0, q.get("inquiry").serviceLevelPercent());
        assertEquals(List.of("inquiry", "repair"), List.copyOf(q.keySet()));
    }

    @Test
    void aRestartRebuildsWhatWasShownLive() throws IOException {
        Path journalDir = dir.resolve("journal");
        Map<String, QueueNow> shownBefore;
        int split = (int) TRACE.stream().filter(e -> !e.at().isAfter(MID)).count();
        try (EventJournal journal = EventJournal.open(journalDir, Clock.systemUTC())) {
            LiveQueueStats live = new LiveQueueStats(ScenarioTrace.ZONE, MEMBERS);
            live.attach(journal);
            TRACE.subList(0, split).forEach(journal::append);
            journal.flush();
            shownBefore = live.snapshot(MID);
        }
        assertEquals(1, shownBefore.get("inquiry").waiting(), "the live instance saw the journal's events");

        try (EventJournal journal = EventJournal.open(journalDir, Clock.systemUTC())) {
            LiveQueueStats rebuilt = new LiveQueueStats(ScenarioTrace.ZONE, MEMBERS);
            rebuilt.attach(journal);
            assertEquals(shownBefore, rebuilt.snapshot(MID));

            // after the restart it goes on live and ends where a fold of the whole trace ends
            TRACE.subList(split, TRACE.size()).forEach(journal::append);
            journal.flush();
            LiveQueueStats whole = new LiveQueueStats(ScenarioTrace.ZONE, MEMBERS);
            TRACE.forEach(whole::accept);
            assertEquals(whole.snapshot(END), rebuilt.snapshot(END));
            assertEquals(0, rebuilt.failures());
        }
    }

    @Test
    void eventsAppendedBeforeAttachingAreNotCountedTwice() throws IOException {
        try (EventJournal journal = EventJournal.open(dir.resolve("journal"), Clock.systemUTC())) {
            TRACE.forEach(journal::append);
            journal.flush();
            LiveQueueStats late = new LiveQueueStats(ScenarioTrace.ZONE, MEMBERS);
            late.attach(journal);
            // a duplicate delivery of an event already replayed changes nothing
            journal.replay(1, late::accept);
            assertEquals(8, late.snapshot(END).get("repair").offered());
        }
    }

    /** Today's counters start again at midnight; a call waiting across it keeps waiting. */
    @Test
    void theDayRollsOverAtLocalMidnight() {
        LiveQueueStats live = new LiveQueueStats(ScenarioTrace.ZONE, MEMBERS);
        TRACE.forEach(live::accept);
        Instant lateEvening = ScenarioTrace.at("23:59:00");
        live.accept(JournalEvent.of(lateEvening, "call.started", "N1", null, null, Map.of("direction", "IN")));
        live.accept(JournalEvent.of(lateEvening, "call.queued", "N1", null, "repair", Map.of()));
        Instant afterMidnight = ScenarioTrace.at("23:59:30").plusSeconds(60);

        QueueNow repair = live.snapshot(afterMidnight).get("repair");
        assertEquals(0, repair.offered(), "yesterday's calls are not today's");
        assertEquals(1, repair.waiting());
        assertEquals(90_000, repair.longestWaitMs());

        live.accept(JournalEvent.of(afterMidnight, "call.ended", "N1", null, "repair", Map.of()));
        repair = live.snapshot(afterMidnight).get("repair");
        assertEquals(1, repair.abandoned(), "abandoned today, after being offered yesterday");
        assertEquals(0, repair.offered());
        assertTrue(repair.serviceLevelPercent() < 1.0);
    }
}
