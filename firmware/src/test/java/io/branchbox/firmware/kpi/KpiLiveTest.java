package io.branchbox.firmware.kpi;

import static org.junit.jupiter.api.Assertions.*;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiLiveTest {
    static final LocalDate DAY = KpiLedgerTest.DAY;

    record Sent(LocalDate day, boolean closed, KpiRow branch) {}

    @Test
    void closedDaysAreRolledUpAndSentOnceAndAgainAfterACorrectionWithTheSameKey(@TempDir Path data) throws Exception {
        ManualScheduler kpiThread = new ManualScheduler(KpiLedgerTest.local(DAY.plusDays(1), "08:00"), KpiLedgerTest.SHANGHAI);
        List<Sent> sent = new ArrayList<>();
        try (EventJournal journal = EventJournal.open(data.resolve("journal"), Clock.systemUTC())) {
            EventScript s = new EventScript(KpiLedgerTest.local(DAY, "09:00"));
            s.agent("a1", "READY", "");
            KpiLedgerTest.answered(s, "c1", "a1", 1);
            s.events.forEach(e -> journal.append(e.withSeq(0)));
            journal.flush();
            KpiLive live = new KpiLive(KpiLedgerTest.SETTINGS, data, kpiThread, 10);
            live.setSink((day, closed, rows) -> sent.add(new Sent(day, closed, rows.get(0))));
            live.start(journal, Duration.ofMinutes(15));
            kpiThread.runPending();
            assertTrue(live.ready());
            assertTrue(Files.exists(data.resolve("kpi/days/2026-12-01.json")));
            assertEquals(List.of(DAY, DAY.plusDays(1)), sent.stream().map(Sent::day).toList());
            assertEquals(1, sent.get(0).branch().counts().get(Count.HANDLED));
            assertTrue(sent.get(0).closed());

            sent.clear();
            kpiThread.advance(Duration.ofMinutes(15));
            assertEquals(List.of(DAY.plusDays(1)), sent.stream().map(Sent::day).toList(), "the closed day is not resent unchanged");

            // the clock was set back: a call dated into the closed day arrives; the day is corrected
            EventScript late = new EventScript(KpiLedgerTest.local(DAY, "23:00"));
            late.started("c9").pass(5).queued("c9", "repair").pass(30).ended("c9", "ABANDONED");
            late.events.forEach(e -> journal.append(e.withSeq(0)));
            journal.flush();
            sent.clear();
            kpiThread.advance(Duration.ofMinutes(15));
            assertEquals(DAY, sent.get(0).day(), "sent again with the same period key");
            assertEquals(1, sent.get(0).branch().counts().get(Count.ABANDONED));
            assertEquals(1, new DayRollups(data, KpiLedgerTest.SETTINGS).read(DAY).get(Group.ALL).get(Count.ABANDONED),
                    "the roll-up follows the correction");
        }
    }
}
