package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.CallEventTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each ACD strategy through the whole box: which seat rings for successive calls. The agents are
 * made ready in an order that makes every strategy's choice differ from longest idle, and each
 * call is answered and kept so that the next goes to someone else.
 */
class StrategyScenarioTest {
    @TempDir
    Path data;

    @Test
    void longestIdleOffersToTheAgentReadyLongest() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            readyInOrder(s, "agent3", "agent2", "agent1");
            assertEquals(List.of("agent3", "agent2", "agent1"), answerCalls(s, 1, 3));
        }
    }

    @Test
    void roundRobinTakesTheNextAgentInTurnWhoeverIsIdleLongest() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withQueues(
                List.of(ScenarioSite.queue("inquiry", BoxConfig.Strategy.ROUND_ROBIN))))) {
            readyInOrder(s, "agent3", "agent2", "agent1");
            assertEquals(List.of("agent1", "agent2", "agent3"), answerCalls(s, 1, 3));
            // all three hang up, the third first: agent3 is now idle longest, but agent1's turn is next
            for (String a : List.of("agent3", "agent2", "agent1")) {
                ok(s.console().hangup(a));
                s.awaitAgent(a, "READY");
                Thread.sleep(5);
            }
            assertEquals(List.of("agent1"), answerCalls(s, 4, 1));
        }
    }

    @Test
    void fewestCallsPrefersWhoHandledLeast() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withQueues(
                List.of(ScenarioSite.queue("inquiry", BoxConfig.Strategy.FEWEST_CALLS))))) {
            readyInOrder(s, "agent1");
            assertEquals(List.of("agent1"), answerCalls(s, 1, 1));
            ok(s.console().hangup("agent1"));
            s.awaitAgent("agent1", "READY");
            // agent1 is now the longest idle, with one call handled; the others have none
            readyInOrder(s, "agent2", "agent3");
            assertEquals(List.of("agent2", "agent3", "agent1"), answerCalls(s, 2, 3));
        }
    }

    private static void readyInOrder(ScenarioSite s, String... agents) throws Exception {
        for (String a : agents) {
            ok(s.console().ready(a));
            s.awaitAgent(a, "READY");
            Thread.sleep(5); // distinct idle-since instants
        }
    }

    /** Places {@code n} calls one after another on timeslots from {@code firstTs}; each is answered by whoever it rings at. */
    private static List<String> answerCalls(ScenarioSite s, int firstTs, int n) throws Exception {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int ts = firstTs + i;
            String calling = "1380000000" + ts;
            s.call(calling, "95598", ts);
            String callId = s.callIdOf(calling);
            String agent = s.offeredTo(callId, 1);
            order.add(agent);
            ok(s.console().answer(agent));
            s.await(CallEventTypes.CALL_CONNECTED, callId);
        }
        return order;
    }
}
