package io.branchbox.firmware.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ThreadNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live figures do not slow the audio path: the journal is read for them only on the
 * {@code kpi} thread (the rebuild at start) and on {@code journal-writer} (a gap), never on
 * {@code signalling}, which only appends; and the figures follow what call control journals
 * through the incremental fold, without a re-read. Which thread reads the journal's files is
 * observed with the JVM's own file-read events (JFR {@code jdk.FileRead}, every read recorded).
 */
class KpiLiveThreadsTest {
    @TempDir
    Path data;

    @Test
    void signallingOnlyAppendsAndTheLiveFiguresFollowByTheFold() throws Exception {
        Path journalDir = data.resolve("journal");
        Set<String> readers = ConcurrentHashMap.newKeySet();
        try (RecordingStream jfr = new RecordingStream();
                EventJournal journal = EventJournal.open(journalDir, Clock.systemUTC());
                ExecutorScheduler kpiThread = new ExecutorScheduler(ThreadNames.KPI, Clock.systemUTC());
                ExecutorScheduler signalling = new ExecutorScheduler(ThreadNames.SIGNALLING, Clock.systemUTC())) {
            jfr.enable("jdk.FileRead").withThreshold(Duration.ZERO);
            jfr.onEvent("jdk.FileRead", e -> {
                String path = e.getString("path");
                if (path != null && path.startsWith(journalDir.toString()) && e.getThread() != null) {
                    readers.add(e.getThread().getJavaName());
                }
            });
            jfr.startAsync();

            // a morning already journaled: the rebuild at start reads it on the kpi thread
            EventScript before = new EventScript(KpiLedgerTest.local(KpiLedgerTest.DAY, "09:00"));
            before.agent("a1", "READY", "");
            KpiLedgerTest.answered(before, "c1", "a1", 1);
            before.events.forEach(e -> journal.append(e.withSeq(0)));
            journal.flush();
            KpiLive live = new KpiLive(KpiLedgerTest.SETTINGS, data, kpiThread, 10);
            live.start(journal, Duration.ofHours(1));

            // call control journals on signalling while the KPIs rebuild and follow
            EventScript after = new EventScript(before.now.plusSeconds(60));
            for (int i = 2; i <= 40; i++) {
                KpiLedgerTest.answered(after, "c" + i, "a1", 0);
                after.pass(30);
            }
            CountDownLatch appended = new CountDownLatch(1);
            signalling.execute(() -> {
                for (JournalEvent e : after.events) {
                    journal.append(e.withSeq(0));
                }
                appended.countDown();
            });
            assertTrue(appended.await(60, TimeUnit.SECONDS));
            journal.flush();
            // the rebuild is done and every event has reached the ledger (the fold, or a gap read)
            long deadline = System.nanoTime() + 60_000_000_000L;
            while ((!live.ready() || live.ledger().lastSeq() < journal.durableSeq()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(journal.durableSeq(), live.ledger().lastSeq(), "every journaled event folded");
            Instant now = after.now;
            assertEquals(40, live.ledger().days(KpiLedgerTest.DAY, KpiLedgerTest.DAY, now).get(KpiLedgerTest.DAY)
                    .get(Group.ALL).get(Count.HANDLED), "the live figures follow call control");
            jfr.stop();
        }
        assertTrue(readers.contains(ThreadNames.KPI), "the rebuild read the journal on kpi (the probe sees reads): " + readers);
        assertFalse(readers.contains(ThreadNames.SIGNALLING), "no journal read on signalling: " + readers);
        assertTrue(Set.of(ThreadNames.KPI, ThreadNames.JOURNAL_WRITER).containsAll(readers),
                "the journal is read for the KPIs only on kpi and journal-writer: " + readers);
    }
}
