package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post-call survey: the agent hangs up, the caller presses 1 (DTMF on the B-channel), the rating is the agent's. */
class SurveyScenarioTest {
    private static final String CALLER = "13800000001";

    @TempDir
    Path data;

    @Test
    void theCallerRatesTheCallAfterTheAgentHangsUp() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withIvr(ScenarioSite.ivr(Map.of(), "survey")))) {
            ok(s.console().ready("agent2"));
            OfferedCall caller = s.call(CALLER, "95598", 1);
            String call = s.callIdOf(CALLER);
            assertEquals("agent2", s.offeredTo(call, 1));
            ok(s.console().answer("agent2"));
            s.await(CallEventTypes.CALL_CONNECTED, call);

            ok(s.console().hangup("agent2"));
            // the agent is free at once (wrap-up 0 s: WRAP_UP then READY) while the caller hears the survey
            s.awaitAgentEntered("agent2", "WRAP_UP");
            s.awaitAgent("agent2", "READY");
            s.line(1).press("1");

            JournalEvent rating = s.await(CallEventTypes.CALL_SURVEY, call);
            assertEquals("1", rating.attr(CallEventTypes.RATING));
            assertEquals("agent2", rating.agentId(), "the rating is tied to the agent");
            assertEquals(16, caller.cleared().get(10, TimeUnit.SECONDS), "the box hangs up after the rating");
            assertEquals(1, s.events(CallEventTypes.CALL_SURVEY, call).size());
            assertEquals(CallDisposition.ANSWERED, s.record(call, true).disposition());
        }
    }
}
