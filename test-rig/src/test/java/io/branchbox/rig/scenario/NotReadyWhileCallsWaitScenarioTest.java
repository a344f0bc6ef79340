package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent goes not ready (示忙, reason code from the console) during wrap-up while two calls
 * wait: both waiting calls go to the other agent, none is lost, none rings at the busy agent.
 */
class NotReadyWhileCallsWaitScenarioTest {
    @TempDir
    Path data;

    @Test
    void waitingCallsGoToTheOtherAgent() throws Exception {
        BoxConfig.Queue wrap2 = new BoxConfig.Queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE, 3, 2, 600, "",
                BoxConfig.Overflow.NONE, 0, "", 0, 0);
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withQueues(List.of(wrap2)))) {
            ok(s.console().ready("agent1"));
            s.call("13800000001", "95598", 1);
            String c1 = s.callIdOf("13800000001");
            assertEquals("agent1", s.offeredTo(c1, 1));
            ok(s.console().answer("agent1"));
            s.await(CallEventTypes.CALL_CONNECTED, c1);

            // two callers wait: nobody is ready
            s.call("13800000002", "95598", 2);
            s.call("13800000003", "95598", 3);
            String w1 = s.callIdOf("13800000002");
            String w2 = s.callIdOf("13800000003");
            s.await(CallEventTypes.CALL_QUEUED, w1);
            s.await(CallEventTypes.CALL_QUEUED, w2);

            ok(s.console().hangup("agent1"));
            s.awaitAgent("agent1", "WRAP_UP");
            ok(s.console().notReady("agent1", "meal"));
            JournalEvent busy = s.awaitAgent("agent1", "NOT_READY");
            assertEquals("meal", busy.attr(CallEventTypes.REASON_CODE));

            ok(s.console().ready("agent2"));
            assertEquals("agent2", s.offeredTo(w1, 1), "the first waiting caller to the other agent");
            ok(s.console().answer("agent2"));
            s.await(CallEventTypes.CALL_CONNECTED, w1);
            ok(s.console().hangup("agent2"));
            // after agent2's 2 s wrap-up the second caller, still waiting, rings there too
            assertEquals("agent2", s.offeredTo(w2, 1));
            ok(s.console().answer("agent2"));
            s.await(CallEventTypes.CALL_CONNECTED, w2);
            ok(s.console().hangup("agent2"));

            assertEquals("NOT_READY", s.state("agent1"), "still busy after its wrap-up would have ended");
            long offersToAgent1 = s.events().stream().filter(e -> e.type().equals(CallEventTypes.CALL_OFFERED)
                    && "agent1".equals(e.agentId()) && e.seq() > busy.seq()).count();
            assertEquals(0, offersToAgent1, "nothing rang at the not-ready agent");
            for (String id : List.of(c1, w1, w2)) {
                assertEquals(CallDisposition.ANSWERED, s.record(id, true).disposition(), id);
            }
        }
    }
}
