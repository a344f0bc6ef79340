package io.branchbox.firmware.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallRecordRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private CallRecordRepository repo;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        repo = new CallRecordRepository(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void upsertStoresEveryFieldAndReplacesTheRecord() throws SQLException {
        CallRecord started = CallRecord.started("c1", CallDirection.IN, "span0/ts1", "0301234", "100", T0);
        repo.upsert(started);
        assertEquals(started, repo.find("c1").orElseThrow());

        CallRecord full = started.withAnsweredAt(T0.plusMillis(4_250)).withQueue("sales").withAgent("a7", "seat3")
                .withEnd(T0.plusSeconds(95), CallDisposition.ANSWERED, "16")
                .withRecording("2026/02/01/c1.wav", "ab".repeat(32), 90_000L);
        repo.upsert(full);
        assertEquals(full, repo.find("c1").orElseThrow());

        CallRecord handled = full.withHandling(CallHandling.NONE.withPriority(2).held(T0.plusSeconds(20))
                .retrieved(T0.plusSeconds(31)).held(T0.plusSeconds(40)).transferred().withLastAgent("a9")
                .withWrapUp("FIXED", "reset the modem", "Li Wei").withVoicemail("vm/c1.wav").withNightService()
                .withCallbackRequested().withSurveyRating(1));
        repo.upsert(handled);
        assertEquals(handled, repo.find("c1").orElseThrow());
        assertEquals(T0.plusSeconds(40), repo.find("c1").orElseThrow().handling().heldSince());
        assertEquals(1, repo.all().size());
    }

    @Test
    void unknownCallIsEmpty() throws SQLException {
        assertTrue(repo.find("nope").isEmpty());
    }

    @Test
    void recentIsNewestFirstAndBetweenIsHalfOpen() throws SQLException {
        for (int i = 0; i < 5; i++) {
            repo.upsert(CallRecord.started("c" + i, CallDirection.OUT, "fxo1", "100", "555" + i, T0.plusSeconds(60L * i)));
        }
        assertEquals(List.of("c4", "c3"), repo.recent(2).stream().map(CallRecord::callId).toList());
        assertEquals(List.of("c1", "c2"), repo.between(T0.plusSeconds(60), T0.plusSeconds(180))
                .stream().map(CallRecord::callId).toList());
    }
}
