package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigApplyPlanTest {
    private final BoxConfig d = ConfigDocuments.defaults();

    @Test
    void queuesAgentsAndRecordingPolicyAreLive() {
        BoxConfig b = d.withQueues(List.of(d.queues().get(0), d.queues().get(1), d.queues().get(2),
                        new BoxConfig.Queue("billing", BoxConfig.Strategy.ROUND_ROBIN, 12, 10, 600, "")))
                .withRecording(new BoxConfig.Recording("recordings", 30, true));
        ConfigApplyPlan p = ConfigApplyPlan.between(d, b);
        assertEquals(List.of("queues", "recording"), p.live());
        assertFalse(p.needsRestart());
    }

    @Test
    void theWebPortSpansAndRecordingDirectoryNeedARestart() {
        BoxConfig b = d.withWeb(new BoxConfig.Web("0.0.0.0", 8443))
                .withRecording(new BoxConfig.Recording("/srv/rec", 183, false));
        ConfigApplyPlan p = ConfigApplyPlan.between(d, b);
        assertEquals(List.of("web", "recording"), p.restart());
        assertTrue(p.needsRestart());
    }

    @Test
    void theBranchsOperationsNeedARestartBecauseTheirServicesReadThemAtStart() {
        BoxConfig.Qa q = d.qa();
        BoxConfig b = d.withKpi(new BoxConfig.Kpi(20, 85))
                .withQa(new BoxConfig.Qa(3.5, q.minPerAgentShift(), q.minPerAgentMonth(), q.keepDays(), q.longCallS(),
                        q.shortCallS()));
        ConfigApplyPlan p = ConfigApplyPlan.between(d, b);
        assertEquals(List.of("qa", "kpi"), p.restart());
        assertEquals(List.of(), p.live());
    }
}
