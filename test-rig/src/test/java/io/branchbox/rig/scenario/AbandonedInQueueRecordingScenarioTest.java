package io.branchbox.rig.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the factory recording setting, a caller who hangs up while waiting (no agent ready) leaves
 * one valid stereo WAV from the box's answer to the hang-up: the greeting and the waiting, the
 * caller on the left, what the caller heard on the right.
 */
class AbandonedInQueueRecordingScenarioTest {
    private static final String CALLER = "13800000009";

    @TempDir
    Path data;

    @Test
    void aCallAbandonedInTheQueueHasOneStereoRecordingOfTheIvrAndTheWait() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            OfferedCall caller = s.call(CALLER, "95598", 3);
            String call = s.callIdOf(CALLER);
            s.await(CallEventTypes.CALL_QUEUED, call);
            Thread.sleep(3_000); // waits with music, nobody ready
            s.site.carrier().hangup(caller);
            caller.cleared().get(10, TimeUnit.SECONDS);

            CallRecord r = s.record(call, true);
            assertEquals(CallDisposition.ABANDONED, r.disposition());
            ScenarioSite.Recorded wav = s.recording(r);
            Instant answered = s.await(CallEventTypes.CALL_ANSWERED, call).at();
            Instant ended = s.await(CallEventTypes.CALL_ENDED, call).at();
            long callMs = Duration.between(answered, ended).toMillis();
            assertTrue(wav.durationMs() >= callMs - 500 && wav.durationMs() <= callMs + 500,
                    "the file covers answer to hang-up: " + wav.durationMs() + " ms of " + callMs + " ms");
            long queuedMs = Duration.between(answered, s.await(CallEventTypes.CALL_QUEUED, call).at()).toMillis();
            int waitFrames = wav.frames() - (int) (queuedMs / 20);
            assertTrue(waitFrames >= 100, "at least 2 s of waiting in the file: " + waitFrames + " frames");
            assertTrue(wav.left(ScenarioSite.CALLER_MARK) >= wav.frames() * 8 / 10,
                    "the caller on the left through IVR and wait: " + wav.left(ScenarioSite.CALLER_MARK) + "/" + wav.frames());
            assertEquals(0, wav.right(ScenarioSite.CALLER_MARK), "the right side is what the box played, not the caller");
            int heard = audibleRightFrames(wav, wav.frames() - waitFrames, wav.frames());
            assertTrue(heard >= waitFrames / 2, "music on hold on the right while waiting: " + heard + "/" + waitFrames);
        }
    }

    /** Frames in [from, to) whose right (box) channel is not A-law silence throughout. */
    private static int audibleRightFrames(ScenarioSite.Recorded wav, int from, int to) {
        int n = 0;
        for (int f = Math.max(0, from); f < to; f++) {
            for (int i = 0; i < 160; i++) {
                byte b = wav.bytes()[58 + f * 320 + 2 * i + 1];
                if (b != (byte) 0xD5 && b != (byte) 0x55 && b != (byte) 0xD4 && b != (byte) 0x54) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
