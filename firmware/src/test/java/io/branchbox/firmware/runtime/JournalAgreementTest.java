package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordProjector;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.Database;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, problems 3 and 4: the journal and its projections never silently disagree. Each test
 * replays the reported fault on a real journal and a real H2 file.
 */
@Tag("faults")
class JournalAgreementTest {

    @Test
    void aJournalBehindTheDatabaseIsDetectedAndNewCallsStillGetRecords(@TempDir Path data) throws Exception {
        Path jdir = data.resolve("journal");
        try (Database db = Database.open(data); EventJournal j = EventJournal.open(jdir, Clock.systemUTC())) {
            new CallRecordProjector(db.dataSource()).attach(j);
            for (int i = 0; i < 20; i++) {
                call(j, "OLD" + i);
            }
            j.flush();
        }
        // restored backup of the journal: half the segment and no high-water mark
        Files.deleteIfExists(jdir.resolve("highwater"));
        cutToHalf(segment(jdir));

        BoxFaults faults = new BoxFaults();
        try (Database db = Database.open(data); EventJournal j = EventJournal.open(jdir, Clock.systemUTC())) {
            assertTrue(JournalConsistency.check(j, db.dataSource(), faults) > 0);
            assertTrue(faults.isRaised(JournalConsistency.CODE), "an alarm says so");
            new CallRecordProjector(db.dataSource()).attach(j);
            for (int i = 0; i < 5; i++) {
                call(j, "NEW" + i);
            }
            j.flush();
            CallRecordRepository repo = new CallRecordRepository(db.dataSource());
            for (int i = 0; i < 5; i++) {
                assertEquals(CallDisposition.ANSWERED, repo.find("NEW" + i).orElseThrow().disposition(),
                        "call NEW" + i + " after the restart has its record");
            }
            assertTrue(repo.find("OLD19").isPresent(), "records of the lost range are kept");
        }
    }

    @Test
    void aJournalInStepWithTheDatabaseRaisesNothing(@TempDir Path data) throws Exception {
        try (Database db = Database.open(data); EventJournal j = EventJournal.open(data.resolve("j"), Clock.systemUTC())) {
            new CallRecordProjector(db.dataSource()).attach(j);
            call(j, "A");
            j.flush();
        }
        BoxFaults faults = new BoxFaults();
        try (Database db = Database.open(data); EventJournal j = EventJournal.open(data.resolve("j"), Clock.systemUTC())) {
            assertEquals(0, JournalConsistency.check(j, db.dataSource(), faults));
            assertTrue(faults.active().isEmpty());
        }
    }

    @Test
    void aDamagedEndLineDoesNotRewriteACorrectlyClosedRecord(@TempDir Path data) throws Exception {
        Path jdir = data.resolve("journal");
        Instant end = Instant.parse("2026-11-23T10:05:00Z");
        try (Database db = Database.open(data);
                EventJournal j = EventJournal.open(jdir, Clock.fixed(end, ZoneOffset.UTC))) {
            new CallRecordProjector(db.dataSource()).attach(j);
            call(j, "C1");
            j.append("call.started", "C2", null, "q", Map.of("direction", "IN", "trunk", "span0/ts2"));
            j.flush();
        }
        damageLine(segment(jdir), "\"call.ended\"");

        try (Database db = Database.open(data);
                EventJournal j = EventJournal.open(jdir, Clock.fixed(end.plusSeconds(960), ZoneOffset.UTC))) {
            new CallRecordProjector(db.dataSource()).attach(j);
            CallRecordRepository repo = new CallRecordRepository(db.dataSource());
            CallRecord before = repo.find("C1").orElseThrow();
            int closed = CrashRecovery.closeOpenCalls(j, data.resolve("recordings"), new ClosedInDatabase(repo));
            assertEquals(1, closed, "only C2, open in both, is closed");
            assertEquals(before, repo.find("C1").orElseThrow(), "C1's correct record is untouched");
            assertEquals(end, repo.find("C1").orElseThrow().endedAt());
            assertEquals(CallDisposition.FAILED, repo.find("C2").orElseThrow().disposition());
        }
    }

    private static void call(EventJournal j, String id) {
        j.append("call.started", id, null, "q", Map.of("direction", "IN", "trunk", "span0/ts1"));
        j.append("call.connected", id, "a1", "q", Map.of("seat", "1"));
        j.append("call.ended", id, null, "q", Map.of("cause", "16", "disposition", "ANSWERED"));
    }

    private static Path segment(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = s.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList();
            return l.get(l.size() - 1);
        }
    }

    private static void cutToHalf(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
    }

    /** Overwrites a few bytes inside the first line containing {@code marker}, keeping its length. */
    private static void damageLine(Path segment, String marker) throws IOException {
        byte[] b = Files.readAllBytes(segment);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(marker);
        assertTrue(at > 0);
        b[at + 2] = 'X';
        b[at + 3] = 'X';
        Files.write(segment, b);
    }
}
