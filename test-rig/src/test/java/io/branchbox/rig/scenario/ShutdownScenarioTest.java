package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the box with a call in conversation: the call is released on the trunk (the carrier
 * sees the clearing), ended in the journal, and its recording finished with the right sizes
 * before the box is gone — not left for the start-up repair.
 */
class ShutdownScenarioTest {
    private static final String CALLER = "13800000007";

    @TempDir
    Path data;

    @Test
    void aCallInProgressIsReleasedAndItsRecordingFinishedWhenTheBoxStops() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            ok(s.console().ready("agent1"));
            OfferedCall caller = s.call(CALLER, "95598", 1);
            String call = s.callIdOf(CALLER);
            s.offeredTo(call, 1);
            ok(s.console().answer("agent1"));
            s.await(CallEventTypes.CALL_CONNECTED, call);
            ScriptedCaller agent = s.headset(1);
            ScenarioSite.waitFor("a second of talk", ScenarioSite.WAIT, () -> agent.heard() > 50);

            s.box.close();

            caller.cleared().get(10, TimeUnit.SECONDS);
            JournalEvent ended = s.events(CallEventTypes.CALL_ENDED, call).get(0);
            assertEquals("ANSWERED", ended.attr(CallEventTypes.DISPOSITION));
            JournalEvent recorded = s.events(CallEventTypes.RECORDING_FINISHED, call).get(0);
            byte[] wav = Files.readAllBytes(data.resolve("recordings").resolve(recorded.attr(CallEventTypes.FILE)));
            ByteBuffer h = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(wav.length - 8, h.getInt(4), "RIFF size set at the stop");
            assertEquals(wav.length - 58, h.getInt(54), "data size set at the stop");
            assertTrue(wav.length - 58 >= 320 * 40, "about a second of audio or more: " + (wav.length - 58));
        }
    }
}
