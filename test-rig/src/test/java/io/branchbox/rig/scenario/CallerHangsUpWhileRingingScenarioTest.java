package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caller hangs up while the agent's seat rings: the lamp stops, the agent is ready again, the call abandoned. */
class CallerHangsUpWhileRingingScenarioTest {
    private static final String CALLER = "13800000001";

    @TempDir
    Path data;

    @Test
    void theRingingStopsAndTheAgentIsReadyAgain() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            ok(s.console().ready("agent1"));
            ScenarioSite.waitFor("seat 1 READY lamp", Duration.ofSeconds(5), () -> s.site.readyLamp(1));

            OfferedCall caller = s.call(CALLER, "95598", 1);
            String call = s.callIdOf(CALLER);
            assertEquals("agent1", s.offeredTo(call, 1));
            ScenarioSite.waitFor("seat 1 rings", Duration.ofSeconds(5), () -> s.site.callLamp(1));
            assertEquals("OFFERED", s.state("agent1"));

            s.site.carrier().hangup(caller);
            caller.cleared().get(10, TimeUnit.SECONDS);
            ScenarioSite.waitFor("the CALL lamp stops", Duration.ofSeconds(5), () -> !s.site.callLamp(1));
            ScenarioSite.waitFor("seat 1 READY lamp again", Duration.ofSeconds(5), () -> s.site.readyLamp(1));
            s.awaitAgent("agent1", "READY");
            assertEquals("READY", s.state("agent1"));

            CallRecord r = s.record(call, true);
            assertEquals(CallDisposition.ABANDONED, r.disposition());
            assertNotNull(r.recordingFile(), "recorded from the box's answer (recordIvr, the factory default)");
            assertEquals(0, s.events(CallEventTypes.CALL_CONNECTED, call).size());
            assertEquals(0, s.events(CallEventTypes.CALL_OFFER_MISSED, call).size(), "a withdrawn offer is no miss");

            // the agent takes the next call normally
            s.call("13800000002", "95598", 2);
            String next = s.callIdOf("13800000002");
            assertEquals("agent1", s.offeredTo(next, 1));
            ok(s.console().answer("agent1"));
            assertTrue(s.await(CallEventTypes.CALL_CONNECTED, next).agentId().equals("agent1"));
        }
    }
}
