package io.branchbox.firmware.runtime;

import static io.branchbox.firmware.journal.CallEventTypes.CALLED;
import static io.branchbox.firmware.journal.CallEventTypes.CALLING;
import static io.branchbox.firmware.journal.CallEventTypes.CALL_CONNECTED;
import static io.branchbox.firmware.journal.CallEventTypes.CALL_ENDED;
import static io.branchbox.firmware.journal.CallEventTypes.CALL_QUEUED;
import static io.branchbox.firmware.journal.CallEventTypes.CALL_STARTED;
import static io.branchbox.firmware.journal.CallEventTypes.CAUSE;
import static io.branchbox.firmware.journal.CallEventTypes.DIRECTION;
import static io.branchbox.firmware.journal.CallEventTypes.DISPOSITION;
import static io.branchbox.firmware.journal.CallEventTypes.DURATION_MS;
import static io.branchbox.firmware.journal.CallEventTypes.FILE;
import static io.branchbox.firmware.journal.CallEventTypes.RECORDING_FINISHED;
import static io.branchbox.firmware.journal.CallEventTypes.SEAT;
import static io.branchbox.firmware.journal.CallEventTypes.SHA256;
import static io.branchbox.firmware.journal.CallEventTypes.TRUNK;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.recording.AlawWav;
import io.branchbox.firmware.recording.Recording;
import io.branchbox.firmware.recording.RecordingResult;
import io.branchbox.firmware.recording.RecordingService;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Full load for the power-cut test, as call control produces it on a full E1: every one of the 30
 * B-channels carries one call after another, each started, queued, bridged to an agent and
 * recorded (a frame in each direction every 20 ms), then ended and its recording journaled when
 * the writer has finished it, with the events and attributes {@code CallEventLog} writes. Runs
 * on the test thread in the virtual time of a {@link ManualScheduler}; the journal's writer and
 * its projection into the database run on their own threads, in real time, as on the box.
 *
 * <p>Every call is remembered with the sequence numbers its events got, so that after a cut the
 * test knows which of them the journal had made durable.
 */
final class PowerCutLoad {
    static final int CHANNELS = 30;

    /** One call as the load made it. Test-thread only. */
    static final class Call {
        final String id;
        final int channel;
        final int run;
        long startSeq;
        long endSeq = Long.MAX_VALUE;
        long recordingSeq = Long.MAX_VALUE;
        Instant endedAt;
        Recording recording;
        /** The recording, relative to the recordings directory (the data directory moves between runs). */
        Path file;
        int frames;
        RecordingResult result;
        /** The file's length once checked after its own cut (later starts must leave it alone); -1 before. */
        long checkedLength = -1;

        Call(String id, int channel, int run) {
            this.id = id;
            this.channel = channel;
            this.run = run;
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<Call> live = new ArrayList<>();

    /** Starts the load of run {@code run} on {@code scheduler}: every channel busy from the first second. */
    PowerCutLoad(int run, Random random, ManualScheduler scheduler, EventJournal journal, RecordingService recorder,
            Path recordings) {
        byte[] left = new byte[AlawWav.FRAME_SAMPLES];
        byte[] right = new byte[AlawWav.FRAME_SAMPLES];
        for (int ch = 1; ch <= CHANNELS; ch++) {
            scheduleCall(run, ch, 0, Duration.ofMillis(random.nextInt(1_000)), random, scheduler, journal, recorder,
                    recordings);
        }
        // the audio thread: one frame per bridged call every 20 ms
        scheduler.scheduleAtFixedRate(Duration.ofMillis(20), Duration.ofMillis(20), () -> {
            for (Call c : live) {
                fill(c, c.frames, left, right);
                c.recording.write(left, 0, right, 0);
                c.frames++;
            }
        });
    }

    private void scheduleCall(int run, int ch, int n, Duration in, Random random, ManualScheduler scheduler,
            EventJournal journal, RecordingService recorder, Path recordings) {
        long lengthMs = 1_000 + random.nextInt(6_000);
        long gapMs = random.nextInt(800);
        scheduler.schedule(in, () -> {
            Call c = new Call("r" + run + "-ch" + ch + "-" + n, ch, run);
            calls.add(c);
            Instant now = scheduler.clock().instant();
            c.startSeq = journal.append(CALL_STARTED, c.id, null, null, Map.of(DIRECTION, "IN",
                    TRUNK, "span0/ts" + ch, CALLING, "0731" + (8_000_000 + n), CALLED, "95598"));
            journal.append(CALL_QUEUED, c.id, null, "sales", Map.of());
            journal.append(CALL_CONNECTED, c.id, "a" + ch, "sales", Map.of(SEAT, String.valueOf(ch)));
            c.recording = recorder.start(c.id, now);
            c.file = recordings.relativize(c.recording.file());
            live.add(c);
            scheduler.schedule(Duration.ofMillis(lengthMs), () -> {
                live.remove(c);
                c.endedAt = scheduler.clock().instant();
                c.endSeq = journal.append(CALL_ENDED, c.id, "a" + ch, "sales", Map.of(DISPOSITION, "ANSWERED",
                        CAUSE, "16", DURATION_MS, String.valueOf(lengthMs)));
                c.recording.finish().thenAccept(r -> {
                    c.result = r;
                    c.recordingSeq = journal.append(RECORDING_FINISHED, c.id, null, "sales", Map.of(
                            FILE, recordings.relativize(r.file()).toString(),
                            DURATION_MS, String.valueOf(r.durationMs()), SHA256, r.sha256()));
                });
                scheduleCall(run, ch, n + 1, Duration.ofMillis(gapMs), random, scheduler, journal, recorder, recordings);
            });
        });
    }

    /** Every call this load started. */
    List<Call> calls() {
        return calls;
    }

    /** Frame {@code k} of call {@code c}: different per call, frame and sample, so misplaced bytes show. */
    static void fill(Call c, int k, byte[] left, byte[] right) {
        int salt = c.id.hashCode();
        for (int s = 0; s < AlawWav.FRAME_SAMPLES; s++) {
            left[s] = (byte) (k * 7 + s + salt);
            right[s] = (byte) (k * 13 - s + 31 * salt);
        }
    }
}
