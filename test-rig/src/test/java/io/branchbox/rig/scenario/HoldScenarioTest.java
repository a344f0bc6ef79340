package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.AGENT_MARK;
import static io.branchbox.rig.scenario.ScenarioSite.CALLER_MARK;
import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hold and retrieve from the console: the agent stops hearing the caller, the caller hears music
 * instead of the agent, and the recording goes on with the caller on the left throughout.
 */
class HoldScenarioTest {
    private static final String CALLER = "13800000001";

    @TempDir
    Path data;

    @Test
    void holdAndRetrieveKeepTheRecordingGoing() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            ok(s.console().ready("agent1"));
            OfferedCall caller = s.call(CALLER, "95598", 1);
            String call = s.callIdOf(CALLER);
            assertEquals("agent1", s.offeredTo(call, 1));
            ok(s.console().answer("agent1"));
            s.await(CallEventTypes.CALL_CONNECTED, call);
            ScriptedCaller agent = s.headset(1);
            ScriptedCaller far = s.line(1);
            ScenarioSite.waitFor("a second of talk", ScenarioSite.WAIT, () -> agent.heard() > 50);

            ok(s.console().hold("agent1"));
            assertEquals("agent1", s.await(CallEventTypes.CALL_HELD, call).agentId());
            Thread.sleep(200); // frames already under way
            long agentHeard = agent.heard();
            long callerHeard = far.heard();
            Thread.sleep(1_500); // the hold itself: what the two hear during it is the point
            assertTrue(agent.heard() - agentHeard < 3, "the agent hears no caller on hold: " + (agent.heard() - agentHeard));
            assertTrue(far.heard() - callerHeard < 3, "the caller hears music, not the agent: " + (far.heard() - callerHeard));

            ok(s.console().retrieve("agent1"));
            assertEquals("agent1", s.await(CallEventTypes.CALL_RETRIEVED, call).agentId());
            long back = agent.heard();
            ScenarioSite.waitFor("the caller back at the headset", ScenarioSite.WAIT, () -> agent.heard() > back + 25);
            ScenarioSite.waitFor("the agent back at the caller", ScenarioSite.WAIT, () -> far.heard() > callerHeard + 25);

            s.site.carrier().hangup(caller);
            caller.cleared().get(10, TimeUnit.SECONDS);
            CallRecord r = s.record(call, true);
            assertEquals(CallDisposition.ANSWERED, r.disposition());
            ScenarioSite.Recorded wav = s.recording(r);
            assertTrue(wav.left(CALLER_MARK) > wav.frames() * 9 / 10,
                    "the caller recorded on the left through the hold: " + wav.left(CALLER_MARK) + " of " + wav.frames());
            int right = wav.right(AGENT_MARK);
            assertTrue(right < wav.frames() - 1_500 / 20 + 10, "no agent audio on the right during the hold: " + right
                    + " of " + wav.frames());
            assertTrue(right > 1_000 / 20, "the agent on the right around it: " + right);
        }
    }
}
