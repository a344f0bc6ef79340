package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.journal.CallEventTypes;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Caller priority (ivr.priorityCallers): a priority caller who arrives later is served first. */
class PriorityScenarioTest {
    private static final String NORMAL = "13800000001";
    private static final String VIP = "13900000009";

    @TempDir
    Path data;

    @Test
    void aPriorityCallerWhoArrivesLaterIsOfferedFirst() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withIvr(ScenarioSite.ivr(Map.of(VIP, 5), "")))) {
            s.call(NORMAL, "95598", 1);
            String normal = s.callIdOf(NORMAL);
            assertEquals("0", s.await(CallEventTypes.CALL_QUEUED, normal).attr(CallEventTypes.PRIORITY));
            s.call(VIP, "95598", 2);
            String vip = s.callIdOf(VIP);
            assertEquals("5", s.await(CallEventTypes.CALL_QUEUED, vip).attr(CallEventTypes.PRIORITY));

            ok(s.console().ready("agent1"));
            assertEquals("agent1", s.offeredTo(vip, 1), "the later priority caller first");
            assertEquals(0, s.events(CallEventTypes.CALL_OFFERED, normal).size(), "the earlier caller still waits");
            ok(s.console().answer("agent1"));
            s.await(CallEventTypes.CALL_CONNECTED, vip);
            ok(s.console().hangup("agent1"));

            assertEquals("agent1", s.offeredTo(normal, 1), "then the normal caller");
            ok(s.console().answer("agent1"));
            s.await(CallEventTypes.CALL_CONNECTED, normal);
            long vipConnected = s.await(CallEventTypes.CALL_CONNECTED, vip).seq();
            long normalConnected = s.await(CallEventTypes.CALL_CONNECTED, normal).seq();
            assertEquals(true, vipConnected < normalConnected, "served in priority order");
        }
    }
}
