package io.branchbox.firmware.store;

import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallRecordProjectorTest {
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

    @TempDir
    Path dir;
    private EventJournal journal;
    private Database db;
    private CallRecordRepository repo;
    private CallRecordProjector projector;

    @BeforeEach
    void open() throws Exception {
        journal = EventJournal.open(dir.resolve("journal"), java.time.Clock.systemUTC());
        db = Database.open(dir.resolve("db"));
        repo = new CallRecordRepository(db.dataSource());
        projector = new CallRecordProjector(db.dataSource());
        projector.attach(journal);
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
        db.close();
    }

    @Test
    void durableEventsBecomeCallRecords() throws Exception {
        appendDay();
        journal.flush();
        List<CallRecord> all = repo.all();
        assertEquals(List.of("in-1", "in-2", "out-1"), all.stream().map(CallRecord::callId).toList());
        CallRecord answered = all.get(0);
        assertEquals(CallDisposition.ANSWERED, answered.disposition());
        assertEquals("a7", answered.agentId());
        assertEquals("2026/02/01/in-1.wav", answered.recordingFile());
        assertEquals(90_000L, answered.recordingDurationMs());
        assertEquals(CallDisposition.ABANDONED, all.get(1).disposition());
        assertEquals(CallDisposition.FAILED, all.get(2).disposition());
        assertEquals(journal.durableSeq(), projector.lastAppliedSeq());
    }

    @Test
    void rebuildAfterLosingTheTableGivesTheSameRows() throws Exception {
        appendDay();
        journal.flush();
        List<CallRecord> before = repo.all();
        // the crash: the database lost its rows and its offset
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM call_record");
            s.executeUpdate("DELETE FROM projection_offset");
        }
        assertTrue(repo.all().isEmpty());

        long applied = projector.rebuild(journal);

        assertEquals(before, repo.all());
        assertTrue(applied > 0);
        assertEquals(journal.durableSeq(), projector.lastAppliedSeq());
    }

    @Test
    void catchUpAppliesOnlyWhatTheDatabaseMissedAndIsIdempotent() throws Exception {
        appendDay();
        journal.flush();
        List<CallRecord> before = repo.all();
        journal.removeListener(projector);
        // events the database never saw, as if it lost its last commits in a power cut
        journal.append(JournalEvent.of(T0.plusSeconds(500), CALL_STARTED, "late-1", null, null, Map.of(DIRECTION, "INTERNAL")));
        journal.append(JournalEvent.of(T0.plusSeconds(510), CALL_ENDED, "late-1", null, null, Map.of(DISPOSITION, "NO_ANSWER")));
        journal.flush();

        CallRecordProjector afterRestart = new CallRecordProjector(db.dataSource());
        assertEquals(2, afterRestart.catchUp(journal));
        assertEquals(0, afterRestart.catchUp(journal));

        assertEquals(before.size() + 1, repo.all().size());
        assertEquals(CallDisposition.NO_ANSWER, repo.find("late-1").orElseThrow().disposition());
        assertEquals(before.get(0), repo.find("in-1").orElseThrow());
    }

    @Test
    void eventsMissedByTheListenerAreReplayedWhenTheNextOneShowsTheGap() throws Exception {
        call("in-9", 0, CALL_STARTED, null, null, Map.of(DIRECTION, "IN"));
        journal.flush();
        journal.removeListener(projector);
        call("in-9", 1, CALL_QUEUED, null, "sales", Map.of());
        journal.append(JournalEvent.of(T0.plusSeconds(2), AGENT_STATE, null, "a1", null, Map.of(STATE, "READY")));
        journal.flush();
        journal.addListener(projector);
        call("in-9", 3, CALL_ENDED, null, null, Map.of(CAUSE, "16"));
        journal.flush();

        CallRecord r = repo.find("in-9").orElseThrow();
        assertEquals("sales", r.queue());
        assertEquals(CallDisposition.ABANDONED, r.disposition());
        assertEquals(4, projector.lastAppliedSeq());
        assertEquals(0, projector.failures());
    }

    private void appendDay() {
        call("in-1", 0, CALL_STARTED, null, null, Map.of(DIRECTION, "IN", TRUNK, "span0/ts1", CALLING, "0301", CALLED, "100"));
        call("in-1", 1, CALL_ANSWERED, null, null, Map.of());
        call("in-1", 2, CALL_QUEUED, null, "sales", Map.of());
        call("in-2", 3, CALL_STARTED, null, null, Map.of(DIRECTION, "IN", TRUNK, "fxo2"));
        call("in-1", 4, CALL_OFFERED, "a7", "sales", Map.of());
        journal.append(JournalEvent.of(T0.plusSeconds(4), AGENT_STATE, null, "a7", null, Map.of(STATE, "BUSY")));
        call("in-1", 5, CALL_CONNECTED, "a7", "sales", Map.of(SEAT, "3"));
        call("in-2", 6, CALL_QUEUED, null, "sales", Map.of());
        call("out-1", 7, CALL_STARTED, null, null, Map.of(DIRECTION, "OUT", TRUNK, "span0/ts5", CALLED, "555"));
        call("in-2", 40, CALL_ENDED, null, null, Map.of(CAUSE, "16"));
        call("out-1", 41, CALL_ENDED, null, null, Map.of(CAUSE, "34"));
        call("in-1", 95, CALL_ENDED, null, null, Map.of(CAUSE, "16"));
        call("in-1", 96, RECORDING_FINISHED, null, null,
                Map.of(FILE, "2026/02/01/in-1.wav", SHA256, "cd".repeat(32), DURATION_MS, "90000"));
    }

    private void call(String id, int second, String type, String agent, String queue, Map<String, String> attrs) {
        journal.append(JournalEvent.of(T0.plusSeconds(second), type, id, agent, queue, attrs));
    }
}
