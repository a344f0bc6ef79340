package io.branchbox.firmware.recording;

import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallRecordProjector;
import io.branchbox.firmware.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingProjectorTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SHA_A = "a".repeat(64);

    @TempDir
    Path dir;
    private EventJournal journal;
    private Database db;
    private RecordingCatalog catalog;
    private RecordingProjector projector;

    @BeforeEach
    void open() throws Exception {
        journal = EventJournal.open(dir.resolve("journal"), Clock.systemUTC());
        db = Database.open(dir.resolve("db"));
        catalog = new RecordingCatalog(db.dataSource(), dir.resolve("rec"));
        projector = new RecordingProjector(db.dataSource(), catalog);
        projector.attach(journal);
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
        db.close();
    }

    @Test
    void finishedRecordingBecomesACatalogRowWithARelativePath() throws Exception {
        journal.append(finished("c1", 60, dir.resolve("rec/2026/03/02/c1.wav").toString(), SHA_A, "90000",
                Map.of(CallEventTypes.BYTES, "1440058")));
        journal.flush();

        CatalogEntry e = catalog.find("c1").orElseThrow();
        assertEquals("2026/03/02/c1.wav", e.file());
        assertEquals(SHA_A, e.sha256());
        assertEquals(90_000L, e.durationMs());
        assertEquals(1_440_058L, e.bytes());
        assertEquals(T0.plusSeconds(60), e.finishedAt());
        assertTrue(e.recordedWhole());
        assertFalse(e.legalHold());
        assertNull(e.verifyStatus());
        assertEquals(journal.durableSeq(), projector.lastAppliedSeq());
    }

    @Test
    void writeErrorAndLostFramesAreKept() throws Exception {
        journal.append(finished("c1", 60, "2026/03/02/c1.wav", SHA_A, "1000",
                Map.of(CallEventTypes.LOST_FRAMES, "12", CallEventTypes.WRITE_ERROR, "No space left on device")));
        journal.flush();

        CatalogEntry e = catalog.find("c1").orElseThrow();
        assertEquals(12L, e.lostFrames());
        assertEquals("No space left on device", e.writeError());
        assertFalse(e.recordedWhole());
    }

    @Test
    void badChecksumIsStoredAsNone() throws Exception {
        journal.append(finished("c1", 60, "2026/03/02/c1.wav", "not-a-hash", "1000", Map.of()));
        journal.flush();

        assertNull(catalog.find("c1").orElseThrow().sha256());
    }

    @Test
    void replayKeepsLegalHoldDeletionAndVerification() throws Exception {
        journal.append(finished("c1", 60, "2026/03/02/c1.wav", SHA_A, "1000", Map.of()));
        journal.append(finished("c2", 70, "2026/03/02/c2.wav", SHA_A, "1000", Map.of()));
        journal.flush();
        catalog.setLegalHold("c1", true);
        catalog.markVerified("c1", VerifyStatus.OK, T0.plusSeconds(600), 1058L);
        catalog.markDeleted("c2", T0.plusSeconds(700), "retention");

        long applied = projector.replayAll(journal);

        assertEquals(2, applied);
        CatalogEntry c1 = catalog.find("c1").orElseThrow();
        assertTrue(c1.legalHold());
        assertEquals(VerifyStatus.OK, c1.verifyStatus());
        assertEquals(1058L, c1.bytes());
        assertTrue(catalog.find("c2").orElseThrow().deleted());
    }

    @Test
    void eventsMissedWhileDetachedAreCaughtUpAtAttach() throws Exception {
        journal.removeListener(projector);
        journal.append(finished("c1", 60, "2026/03/02/c1.wav", SHA_A, "1000", Map.of()));
        journal.flush();
        assertTrue(catalog.find("c1").isEmpty());

        RecordingProjector fresh = new RecordingProjector(db.dataSource(), catalog);
        fresh.attach(journal);

        assertTrue(catalog.find("c1").isPresent());
    }

    @Test
    void searchJoinsAgentAndQueueOfTheCall() throws Exception {
        new CallRecordProjector(db.dataSource()).attach(journal);
        for (String[] c : new String[][] {{"c1", "a7", "sales"}, {"c2", "a8", "sales"}, {"c3", "a7", "support"}}) {
            journal.append(JournalEvent.ofCall(T0, CALL_STARTED, c[0], Map.of(DIRECTION, "IN")));
            journal.append(JournalEvent.of(T0.plusSeconds(5), CALL_QUEUED, c[0], null, c[2], Map.of()));
            journal.append(JournalEvent.of(T0.plusSeconds(9), CALL_CONNECTED, c[0], c[1], c[2], Map.of(SEAT, "3")));
            journal.append(finished(c[0], 60, "2026/03/02/" + c[0] + ".wav", SHA_A, "1000", Map.of()));
        }
        journal.flush();

        List<RecordingCatalog.RecordedCall> a7 = catalog.search(T0, T0.plusSeconds(1), "a7", null, 10);
        List<RecordingCatalog.RecordedCall> sales = catalog.search(T0, T0.plusSeconds(1), null, "sales", 10);
        List<RecordingCatalog.RecordedCall> none = catalog.search(T0.plusSeconds(1), T0.plusSeconds(2), null, null, 10);

        assertEquals(List.of("c1", "c3"), a7.stream().map(r -> r.recording().callId()).toList());
        assertEquals(List.of("c1", "c2"), sales.stream().map(r -> r.recording().callId()).toList());
        assertEquals("3", a7.get(0).seat());
        assertTrue(none.isEmpty());
        assertEquals(List.of("c3", "c2"), catalog.searchRecent(T0, T0.plusSeconds(1), null, null, 2).stream()
                .map(r -> r.recording().callId()).toList(), "newest first, the limit keeps the most recent");
    }

    @Test
    void aPageOfTheSearchByCallerDigitsHasTheTotalOfAllThatMatch() throws Exception {
        new CallRecordProjector(db.dataSource()).attach(journal);
        String[][] calls = {{"c1", "13800138000"}, {"c2", "13900001111"}, {"c3", "02088138001"}, {"c4", "13800138999"}};
        for (int i = 0; i < calls.length; i++) {
            String[] c = calls[i];
            journal.append(JournalEvent.ofCall(T0.plusMillis(i), CALL_STARTED, c[0], Map.of(DIRECTION, "IN", CALLING, c[1])));
            journal.append(finished(c[0], 60, "2026/03/02/" + c[0] + ".wav", SHA_A, "1000", Map.of()));
        }
        journal.flush();

        RecordingCatalog.Page first = catalog.searchPage(T0, T0.plusSeconds(1), null, null, "138", 0, 2);
        RecordingCatalog.Page second = catalog.searchPage(T0, T0.plusSeconds(1), null, null, "138", 2, 2);

        assertEquals(3, first.total(), "c1, c3 and c4 hold 138 somewhere in the number");
        assertEquals(List.of("c4", "c3"), first.rows().stream().map(r -> r.recording().callId()).toList());
        assertEquals(List.of("c1"), second.rows().stream().map(r -> r.recording().callId()).toList());
        assertEquals(4, catalog.searchPage(T0, T0.plusSeconds(1), null, null, null, 0, 10).total());
        assertEquals(0, catalog.searchPage(T0, T0.plusSeconds(1), null, null, "555", 0, 10).total());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> catalog.searchPage(T0, T0.plusSeconds(1), null, null, "1%", 0, 10));
    }

    @Test
    void projectorKeepsItsOwnOffset() throws Exception {
        journal.append(finished("c1", 60, "2026/03/02/c1.wav", SHA_A, "1000", Map.of()));
        journal.flush();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT last_seq FROM projection_offset WHERE projection = 'recording'")) {
            assertTrue(rs.next());
            assertEquals(journal.durableSeq(), rs.getLong(1));
        }
    }

    static JournalEvent finished(String callId, int afterSeconds, String file, String sha, String durationMs,
            Map<String, String> extra) {
        Map<String, String> attrs = new java.util.HashMap<>(extra);
        attrs.put(FILE, file);
        attrs.put(SHA256, sha);
        attrs.put(DURATION_MS, durationMs);
        return JournalEvent.ofCall(T0.plusSeconds(afterSeconds), RECORDING_FINISHED, callId, attrs);
    }
}
