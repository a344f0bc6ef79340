package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.qa.CallFacts;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.qa.RecordsCallSource;
import io.branchbox.firmware.qa.signal.CallSignals;
import io.branchbox.firmware.qa.signal.SignalWorker;
import io.branchbox.firmware.qa.signal.StereoRecordings;
import io.branchbox.firmware.qa.signal.StereoRecordings.Talk;
import io.branchbox.firmware.recording.RecordingCatalog;
import io.branchbox.firmware.recording.RecordingProjector;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecordProjector;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call with a known recording and a hold, through the journal, the call records and the
 * recording catalogue as in the box: the worker journals its signals and the call list shows its
 * hold time from the journal.
 */
class QaSignalsFromRecordingsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final String CALL = "20261207-100000-0001";

    @TempDir
    Path dir;

    @Test
    void aFinishedRecordingGetsItsSignalsJournaledAndTheHoldComesFromTheJournal() throws Exception {
        Clock clock = Clock.fixed(T0.plusSeconds(3600), ZoneId.of("Asia/Shanghai"));
        try (Database db = Database.open(dir.resolve("db"));
                EventJournal journal = EventJournal.open(dir.resolve("journal"), clock)) {
            Path recordings = dir.resolve("recordings");
            RecordingCatalog catalog = new RecordingCatalog(db.dataSource(), recordings);
            new CallRecordProjector(db.dataSource()).attach(journal);
            new RecordingProjector(db.dataSource(), catalog).attach(journal);
            RecordsCallSource calls = new RecordsCallSource(new CallRecordRepository(db.dataSource()), catalog);
            QaService qa = QaService.start(journal, calls, clock, ConfigDocuments.defaults());
            try (SignalWorker worker = new SignalWorker(qa, calls,
                    id -> {
                        try {
                            return catalog.find(id).map(catalog::resolve);
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    })) {
                journal.addListener(worker);
                // 30 s call: caller 0–10 s, agent 8–12 s (2 s talk-over), on hold 12–22 s (music on the
                // agent side), agent 22–26 s, then silence to the end
                Path wav = recordings.resolve("2026/12/07/" + CALL + ".wav");
                StereoRecordings.write(wav, 30_000, List.of(new Talk(false, 0, 10_000), new Talk(true, 8_000, 12_000),
                        new Talk(true, 12_000, 22_000), new Talk(true, 22_000, 26_000)));
                append(journal, 0, CallEventTypes.CALL_STARTED, null, Map.of(CallEventTypes.DIRECTION, "IN"));
                append(journal, 1, CallEventTypes.CALL_ANSWERED, null, Map.of());
                append(journal, 5, CallEventTypes.CALL_CONNECTED, "agent3", Map.of(CallEventTypes.SEAT, "3"));
                append(journal, 17, CallEventTypes.CALL_HELD, "agent3", Map.of());
                append(journal, 27, CallEventTypes.CALL_RETRIEVED, "agent3", Map.of());
                append(journal, 35, CallEventTypes.CALL_ENDED, null, Map.of(CallEventTypes.CAUSE, "16"));
                append(journal, 35, CallEventTypes.RECORDING_FINISHED, null, Map.of(CallEventTypes.FILE,
                        "2026/12/07/" + CALL + ".wav", CallEventTypes.DURATION_MS, "30000"));
                journal.flush();

                long deadline = System.nanoTime() + 10_000_000_000L;
                while (qa.book().signals(CALL).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            CallSignals s = qa.book().signals(CALL).orElseThrow();
            assertEquals(30_000, s.durationMs());
            assertEquals(6.7, s.talkOverPct(), 0.1);
            assertEquals(13.3, s.silencePct(), 0.1);
            assertEquals(4_000, s.longestSilenceMs());
            CallFacts facts = calls.call(CALL).orElseThrow();
            assertEquals(10_000, facts.holdMs(), "hold time from the journal");
            assertEquals("agent3", facts.agentId());
            assertTrue(facts.recorded());
        }
    }

    private static void append(EventJournal j, int s, String type, String agent, Map<String, String> attrs) {
        j.append(JournalEvent.of(T0.plusSeconds(s), type, CALL, agent, "inquiry", attrs));
    }
}
