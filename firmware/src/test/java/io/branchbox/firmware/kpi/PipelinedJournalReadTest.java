package io.branchbox.firmware.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.journal.JournalReader;
import io.branchbox.time.ThreadNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cold report's two-thread read hands over every event once, in order, and stops with its caller. */
class PipelinedJournalReadTest {
    @TempDir
    Path data;

    /** Enough events for many batches and a last, partial one; two segments. */
    private Path journal() throws Exception {
        Path dir = data.resolve("journal");
        try (EventJournal j = EventJournal.open(dir, Clock.systemUTC(), 256 * 1024)) {
            Instant t = Instant.parse("2026-12-01T01:00:00Z");
            for (int i = 0; i < PipelinedJournalRead.BATCH * 5 + 17; i++) {
                j.append(JournalEvent.of(t.plusMillis(i), i % 3 == 0 ? "call.ivr" : "agent.state", "c" + i, "a" + (i % 6),
                        null, Map.of("state", "READY")));
            }
            j.flush();
        }
        return dir;
    }

    @Test
    void everyEventComesOnceInJournalOrderOnTheCallersThread() throws Exception {
        Path dir = journal();
        List<JournalEvent> plain = new ArrayList<>();
        JournalReader.Result expected = JournalReader.read(dir, "call.ivr"::equals, plain::add);
        List<JournalEvent> piped = new ArrayList<>();
        Thread caller = Thread.currentThread();
        JournalReader.Result got = PipelinedJournalRead.read(dir, "call.ivr"::equals, e -> {
            assertEquals(caller, Thread.currentThread(), "the fold runs on the caller's thread");
            piped.add(e);
        });
        assertEquals(expected, got);
        assertEquals(plain, piped);
        assertEquals(PipelinedJournalRead.BATCH * 5 + 17, piped.size());
    }

    @Test
    void aFoldThatFailsStopsTheReader() throws Exception {
        Path dir = journal();
        int[] seen = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PipelinedJournalRead.read(dir,
                t -> false, ev -> {
                    if (++seen[0] == PipelinedJournalRead.BATCH + 3) {
                        throw new IllegalStateException("fold failed");
                    }
                }));
        assertEquals("fold failed", e.getMessage());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(ThreadNames.KPI_READ)) {
                t.join(10_000);
                assertFalse(t.isAlive(), "the reader ended with the fold");
            }
        }
    }
}
