package io.branchbox.admin.web;

import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.dsp.Signals;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.qa.RecordsCallSource;
import io.branchbox.firmware.qa.signal.SignalWorker;
import io.branchbox.firmware.recording.RecordingCatalog;
import io.branchbox.firmware.store.CallHandling;
import io.branchbox.firmware.store.CallRecordRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@link TestBox} with quality monitoring attached as in the box ({@code runtime.QaWiring}): a
 * real journal in the data directory, the QA service over the box's call records and recording
 * catalogue, and the signal worker that computes a call's signals from its recording once the
 * journal says the recording is finished.
 */
final class QaTestBox implements AutoCloseable {
    /** Who speaks from {@code fromMs} to {@code toMs} of a recording: the caller (left) or the agent (right). */
    record Talk(boolean agent, long fromMs, long toMs) {}

    final TestBox box;
    final EventJournal journal;
    final QaService qa;
    final SignalWorker signals;

    QaTestBox(Path dataDir) throws IOException {
        box = new TestBox(dataDir);
        journal = EventJournal.open(dataDir.resolve("journal"), Clock.systemUTC());
        RecordingCatalog catalog = new RecordingCatalog(box.dataSource, box.recordings);
        RecordsCallSource calls = new RecordsCallSource(new CallRecordRepository(box.dataSource), catalog);
        qa = QaService.start(journal, calls, Clock.systemUTC(), ConfigDocuments.defaults());
        signals = new SignalWorker(qa, calls, callId -> {
            try {
                return catalog.find(callId).filter(e -> !e.deleted()).map(catalog::resolve);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        journal.addListener(signals);
        box.server.attachQa(qa);
    }

    /**
     * A recorded call of {@code agent} whose recording ({@code durationMs}) holds the given talk
     * (the caller at 300 Hz, the agent at 440 Hz, -15 dBm0, silence elsewhere), with its call
     * record ({@code talkS} from answer to end, on hold {@code holdS}) and its catalogue row; then
     * journals {@code recording.finished}, as call control does, so the signal worker analyses it.
     */
    void recorded(String callId, String agent, long durationMs, List<Talk> talk, int talkS, int holdS, Instant started)
            throws Exception {
        int n = (int) (durationMs * 8);
        float[] left = new float[n];
        float[] right = new float[n];
        double voice = Signals.amplitude(-15);
        for (Talk t : talk) {
            int from = (int) (t.fromMs() * 8);
            Signals.addSine(t.agent() ? right : left, from, (int) ((t.toMs() - t.fromMs()) * 8), t.agent() ? 440 : 300,
                    voice, from);
        }
        String file = "2026/12/07/" + callId + ".wav";
        CallHandling hold = holdS == 0 ? CallHandling.NONE
                : CallHandling.NONE.held(started.plusSeconds(1)).retrieved(started.plusSeconds(1 + holdS));
        TestRecordings.add(box, callId, agent, "inquiry", file, TestRecordings.wav(interleave(left, right)), started,
                talkS, hold);
        journal.append(CallEventTypes.RECORDING_FINISHED, callId, agent, "inquiry",
                Map.of(CallEventTypes.FILE, file, CallEventTypes.DURATION_MS, Long.toString(durationMs)));
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
        TestRecordings.add(box, callId, agent, "inquiry", "2026/12/07/" + callId + ".wav",
                TestRecordings.wav(interleave(left, right)), started);
    }

    /** Interleaved stereo A-law, caller left, agent right, as the recorder writes it. */
    private static byte[] interleave(float[] left, float[] right) {
        byte[] l = Signals.toAlaw(left);
        byte[] r = Signals.toAlaw(right);
        byte[] samples = new byte[2 * l.length];
        for (int i = 0; i < l.length; i++) {
            samples[2 * i] = l[i];
            samples[2 * i + 1] = r[i];
        }
        return samples;
    }

    @Override
    public void close() throws IOException {
        signals.close();
        box.close();
        journal.close();
    }
}
