package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ring-no-answer with 3 s offers and console.missedOffersToNotReady 2: each unanswered offer goes
 * to the next agent and is journaled; the agent who misses twice in a row is set not ready.
 */
class RingNoAnswerScenarioTest {
    private static final String CALLER = "13800000001";

    @TempDir
    Path data;

    @Test
    void missedOffersMoveOnAndTheSecondMissSetsTheAgentNotReady() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            ok(s.console().ready("agent1"));
            s.awaitAgent("agent1", "READY");
            Thread.sleep(5);
            ok(s.console().ready("agent2"));
            s.awaitAgent("agent2", "READY");

            var caller = s.call(CALLER, "95598", 1);
            String call = s.callIdOf(CALLER);
            assertEquals("agent1", s.offeredTo(call, 1));
            ScenarioSite.waitFor("seat 1 rings", Duration.ofSeconds(5), () -> s.site.callLamp(1));
            // nobody answers: agent1, agent2, then agent1 again (its second miss in a row)
            assertEquals("agent2", s.offeredTo(call, 2));
            assertEquals("agent1", s.offeredTo(call, 3));
            assertEquals("agent2", s.offeredTo(call, 4));
            List<String> missed = s.events(CallEventTypes.CALL_OFFER_MISSED, call).stream().map(JournalEvent::agentId).toList();
            assertEquals(List.of("agent1", "agent2", "agent1"), missed);

            JournalEvent notReady = s.awaitAgent("agent1", "NOT_READY");
            assertEquals("missed-offers", notReady.attr(CallEventTypes.REASON_CODE));
            assertEquals("NOT_READY", s.state("agent1"));
            ScenarioSite.waitFor("seat 1 lamps off", Duration.ofSeconds(5), () -> !s.site.callLamp(1) && !s.site.readyLamp(1));

            ok(s.console().answer("agent2"));
            JournalEvent connected = s.await(CallEventTypes.CALL_CONNECTED, call);
            assertEquals("agent2", connected.agentId());
            assertFalse(s.events(CallEventTypes.CALL_OFFERED, call).size() > 4, "no further offer once answered");
            s.site.carrier().hangup(caller);
            assertEquals(CallDisposition.ANSWERED, s.record(call, true).disposition());
            assertEquals(3, s.events(CallEventTypes.CALL_OFFER_MISSED, call).size());
        }
    }
}
