package io.branchbox.admin.web;

import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.dsp.Signals;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.qa.RecordsCallSource;
import io.branchbox.firmware.recording.RecordingCatalog;
import io.branchbox.firmware.store.CallRecordRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * A {@link TestBox} with quality monitoring attached as in the box: a real journal in the data
 * directory, the QA service over the box's call records and recording catalogue.
 */
final class QaTestBox implements AutoCloseable {
    final TestBox box;
    final EventJournal journal;
    final QaService qa;

    QaTestBox(Path dataDir) throws IOException {
        box = new TestBox(dataDir);
        journal = EventJournal.open(dataDir.resolve("journal"), Clock.systemUTC());
        RecordsCallSource calls = new RecordsCallSource(new CallRecordRepository(box.dataSource),
                new RecordingCatalog(box.dataSource, box.recordings));
        qa = QaService.start(journal, calls, Clock.systemUTC(), ConfigDocuments.defaults());
        box.server.attachQa(qa);
    }

    /**
     * A recorded call of {@code agent}: {@code seconds} long, the caller speaking the first third
     * (300 Hz), the agent the second (440 Hz), silence after.
     */
    void call(String callId, String agent, int seconds, Instant started) throws Exception {
        int n = seconds * 8000;
        float[] left = new float[n];
        float[] right = new float[n];
        double voice = Signals.amplitude(-15);
        Signals.addSine(left, 0, n / 3, 300, voice, 0);
        Signals.addSine(right, n / 3, n / 3, 440, voice, n / 3);
        byte[] l = Signals.toAlaw(left);
        byte[] r = Signals.toAlaw(right);
        byte[] samples = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            samples[2 * i] = l[i];
            samples[2 * i + 1] = r[i];
        }
        TestRecordings.add(box, callId, agent, "inquiry", "2026/12/07/" + callId + ".wav", TestRecordings.wav(samples),
                started);
    }

    @Override
    public void close() throws IOException {
        box.close();
        journal.close();
    }
}
