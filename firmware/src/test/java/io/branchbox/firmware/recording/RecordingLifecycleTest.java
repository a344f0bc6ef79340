package io.branchbox.firmware.recording;

import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallRecordProjector;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.Database;
import io.branchbox.time.ManualScheduler;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One call from recorder to deletion, wired the way the box wires it. */
class RecordingLifecycleTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordedCallIsCataloguedVerifiedCoveredExportedAndFinallyDeleted() throws Exception {
        ManualScheduler scheduler = new ManualScheduler(START, ZoneOffset.UTC);
        Path recordings = dir.resolve("recordings");
        try (EventJournal journal = EventJournal.open(dir.resolve("journal"), scheduler.clock());
                Database db = Database.open(dir.resolve("db"))) {
            RecordingCatalog catalog = new RecordingCatalog(db.dataSource(), recordings);
            new CallRecordProjector(db.dataSource()).attach(journal);
            new RecordingProjector(db.dataSource(), catalog).attach(journal);
            RecordingService recorder = new RecordingService(recordings, scheduler, RecordingStatusListener.NONE);

            journal.append(JournalEvent.ofCall(START, CALL_STARTED, "c1", Map.of(DIRECTION, "IN")));
            journal.append(JournalEvent.of(START.plusSeconds(3), CALL_CONNECTED, "c1", "a7", "sales", Map.of(SEAT, "3")));
            Recording rec = recorder.start("c1", START);
            scheduler.runPending();
            byte[] frame = new byte[AlawWav.FRAME_SAMPLES];
            for (int k = 0; k < 100; k++) {
                frame[k % frame.length] = (byte) k;
                rec.write(frame, 0, frame, 0);
                scheduler.advance(Duration.ofMillis(20));
            }
            var done = rec.finish();
            scheduler.runPending();
            RecordingResult r = done.get();
            journal.append(JournalEvent.ofCall(scheduler.clock().instant(), CALL_ENDED, "c1", Map.of(DISPOSITION, "ANSWERED")));
            // the integrator's mapping of a RecordingResult onto the event
            journal.append(JournalEvent.ofCall(scheduler.clock().instant(), RECORDING_FINISHED, "c1", Map.of(
                    FILE, r.file().toString(), SHA256, r.sha256(), DURATION_MS, String.valueOf(r.durationMs()),
                    CallEventTypes.BYTES, String.valueOf(Files.size(r.file())),
                    CallEventTypes.LOST_FRAMES, String.valueOf(r.lostFrames()))));
            journal.flush();

            assertEquals("2026/03/02/c1.wav", catalog.find("c1").orElseThrow().file());
            assertTrue(new RecordingVerifier(catalog, scheduler.clock()).verifyAll().clean());
            CoverageReport.Coverage coverage = new CoverageReport(db.dataSource(), scheduler.clock())
                    .forDay(LocalDate.of(2026, 3, 2), ZoneOffset.UTC);
            assertEquals(1, coverage.recorded());
            assertTrue(coverage.ok());
            AccessLog accessLog = new AccessLog(db.dataSource(), scheduler.clock());
            RecordingExport export = new RecordingExport(catalog, new CallRecordRepository(db.dataSource()),
                    accessLog, scheduler.clock(), "box-1");
            assertEquals(r.sha256(), export.export("c1", "supervisor", new ByteArrayOutputStream()).sha256());

            recorder.close();
            scheduler.runPending();
            scheduler.advance(Duration.ofDays(184));
            StoragePolicy policy = new StoragePolicy(catalog, accessLog, FreeSpace.of(recordings),
                    StorageSettings.DEFAULTS, scheduler.clock(), StoragePolicy.Listener.NONE);
            assertEquals(java.util.List.of("c1"), policy.enforceRetention());
            assertTrue(Files.notExists(r.file()));
        }
    }
}
