package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.recording.AlawWav;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordProjector;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.Database;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRecoveryTest {

    @Test
    void callsLeftOpenByAPowerCutAreClosedWithTheirRecordingOnce(@TempDir Path data) throws Exception {
        Path recordings = data.resolve("recordings");
        Path wav = recordings.resolve("2026/11/23/C1.wav");
        Files.createDirectories(wav.getParent());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(AlawWav.header(32_000).array());
        file.write(new byte[32_000]); // 2 s of stereo A-law, as repaired at start-up
        Files.write(wav, file.toByteArray());

        try (EventJournal journal = EventJournal.open(data.resolve("journal"), Clock.systemUTC())) {
            journal.append("call.started", "C1", null, "repair", Map.of("direction", "IN", "trunk", "span0/ts1"));
            journal.append("call.queued", "C1", null, "repair", Map.of());
            journal.append("call.connected", "C1", "agent1", "repair", Map.of("seat", "1"));
            journal.append("call.started", "C2", null, "repair", Map.of("direction", "IN", "trunk", "span0/ts2"));
            journal.append("call.queued", "C2", null, "repair", Map.of());
            journal.append("call.started", "C3", null, "repair", Map.of("direction", "IN", "trunk", "span0/ts3"));
            journal.append("call.ended", "C3", null, "repair", Map.of("cause", "16"));
            journal.flush();

            assertEquals(2, CrashRecovery.closeOpenCalls(journal, recordings));
            assertEquals(0, CrashRecovery.closeOpenCalls(journal, recordings), "a second start adds nothing");

            List<JournalEvent> events = new ArrayList<>();
            journal.replay(events::add);
            JournalEvent rec = events.stream().filter(e -> e.type().equals("recording.finished")).findFirst().orElseThrow();
            assertEquals("C1", rec.callId());
            assertEquals("2000", rec.attr("durationMs"));
            assertEquals(64, rec.attr("sha256").length());

            try (Database db = Database.open(data)) {
                CallRecordProjector projector = new CallRecordProjector(db.dataSource());
                projector.rebuild(journal);
                CallRecordRepository repo = new CallRecordRepository(db.dataSource());
                CallRecord c1 = repo.find("C1").orElseThrow();
                assertEquals(CallDisposition.ANSWERED, c1.disposition());
                assertEquals(Path.of("2026/11/23/C1.wav").toString(), c1.recordingFile());
                assertNotNull(c1.endedAt());
                assertEquals(CallDisposition.ABANDONED, repo.find("C2").orElseThrow().disposition());
            }
        }
    }
}
