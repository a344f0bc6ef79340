package io.branchbox.firmware.acd;

import static io.branchbox.firmware.acd.AcdFixture.queue;
import static io.branchbox.firmware.acd.AcdFixture.skilled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcdDispatchTest {

    @Test
    void longestIdleOffersToTheAgentReadyLongest() {
        AcdFixture f = new AcdFixture(queue("inquiry", Strategy.LONGEST_IDLE));
        Agent a = f.agent("a", "inquiry");
        Agent b = f.agent("b", "inquiry");
        Agent c = f.agent("c", "inquiry");
        f.ready(b);
        f.advance(5);
        f.ready(c);
        f.advance(5);
        f.ready(a);
        f.acd.enqueue("call1", "inquiry");
        f.acd.enqueue("call2", "inquiry");
        f.dispatch();
        assertEquals(List.of("call1>b", "call2>c"), f.offers);
        assertEquals(AgentState.OFFERED, b.state());
        assertEquals("call1", b.callId());
        assertEquals(AgentState.READY, a.state());
        assertTrue(f.acd.waiting("inquiry").isEmpty());
    }

    @Test
    void fewestCallsOffersToTheAgentWithFewestCallsThenLongestIdle() {
        AcdFixture f = new AcdFixture(queue("inquiry", Strategy.FEWEST_CALLS));
        Agent a = f.ready(f.agent("a", "inquiry"));
        Agent b = f.ready(f.agent("b", "inquiry"));
        Agent c = f.ready(f.agent("c", "inquiry"));
        f.finishCall(a);
        f.finishCall(a);
        f.finishCall(c);
        f.advance(1);
        f.finishCall(b);
        assertEquals(List.of(2, 1, 1), List.of(a.callsHandled(), b.callsHandled(), c.callsHandled()));
        f.acd.enqueue("call1", "inquiry");
        f.dispatch();
        assertEquals(List.of("call1>c"), f.offers, "b and c have one call each; c has been idle longer");
    }

    @Test
    void roundRobinTakesTheNextReadyAgentInTurnAfterTheLastOneOffered() {
        AcdFixture f = new AcdFixture(queue("inquiry", Strategy.ROUND_ROBIN));
        Agent a = f.ready(f.agent("a", "inquiry"));
        Agent b = f.ready(f.agent("b", "inquiry"));
        Agent c = f.ready(f.agent("c", "inquiry"));
        for (int i = 1; i <= 4; i++) {
            f.acd.enqueue("call" + i, "inquiry");
            f.dispatch();
            Agent offered = List.of(a, b, c).stream().filter(x -> x.state() == AgentState.OFFERED).findFirst().orElseThrow();
            f.finishCall(offered);
        }
        f.acd.setState(b, AgentState.NOT_READY);
        for (int i = 5; i <= 6; i++) {
            f.acd.enqueue("call" + i, "inquiry");
            f.dispatch();
            Agent offered = List.of(a, b, c).stream().filter(x -> x.state() == AgentState.OFFERED).findFirst().orElseThrow();
            f.finishCall(offered);
        }
        assertEquals(List.of("call1>a", "call2>b", "call3>c", "call4>a", "call5>c", "call6>a"), f.offers,
                "after a comes b, but b is not ready: c, then round to a");
    }

    @Test
    void theMostSkilledReadyAgentIsPreferredWhateverTheStrategy() {
        AcdFixture f = new AcdFixture(skilled("complaint", "complaints", 0));
        Agent novice = f.ready(f.agent("novice", List.of("complaint"), Map.of("complaints", 2)));
        f.advance(60);
        f.ready(f.agent("expert", List.of("complaint"), Map.of("complaints", 5)));
        f.ready(f.agent("unskilled", List.of("complaint"), Map.of()));
        f.ready(f.agent("elsewhere", List.of("inquiry"), Map.of("complaints", 5)));
        f.acd.enqueue("call1", "complaint");
        f.acd.enqueue("call2", "complaint");
        f.acd.enqueue("call3", "complaint");
        f.dispatch();
        assertEquals(List.of("call1>expert", "call2>novice"), f.offers,
                "the novice idled longer but the expert comes first; nobody without the skill or the queue");
        assertEquals(List.of("call3"), f.acd.waiting("complaint"));
        assertEquals(AgentState.OFFERED, novice.state());
    }

    @Test
    void skillRequirementWidensOneLevelPerIntervalAndTheCallerKeepsTheirPlace() {
        AcdFixture f = new AcdFixture(skilled("complaint", "complaints", 30));
        f.acd.enqueue("call1", "complaint");
        f.advance(10);
        f.acd.enqueue("call2", "complaint");
        f.ready(f.agent("level3", List.of("complaint"), Map.of("complaints", 3)));
        f.advance(49);
        f.dispatch();
        assertTrue(f.offers.isEmpty(), "after 59 s only level 4 and up may take call1");
        assertEquals(1, f.acd.position("call1"));
        f.advance(1);
        f.dispatch();
        assertEquals(List.of("call1>level3"), f.offers, "after 60 s level 3 may: call1 is still first");
        assertEquals(List.of("call2"), f.acd.waiting("complaint"));
    }

    @Test
    void aCallNoReadyAgentMayTakeYetDoesNotHoldUpTheCallsBehindIt() {
        AcdFixture f = new AcdFixture(skilled("complaint", "complaints", 30));
        f.acd.enqueue("old", "complaint");
        f.advance(60);
        f.acd.enqueue("vip", "complaint", 5, f.time.clock().instant());
        f.ready(f.agent("level3", List.of("complaint"), Map.of("complaints", 3)));
        f.dispatch();
        assertEquals(List.of("old>level3"), f.offers, "vip is first in line but needs level 5 for now");
        assertEquals(List.of("vip"), f.acd.waiting("complaint"));
    }

    @Test
    void anAgentOfSeveralQueuesGetsTheCallThatHasWaitedLongestAcrossThem() {
        AcdFixture f = new AcdFixture(queue("inquiry", Strategy.LONGEST_IDLE), queue("repair", Strategy.LONGEST_IDLE));
        f.acd.enqueue("repair1", "repair");
        f.advance(5);
        f.acd.enqueue("inquiry1", "inquiry");
        f.acd.enqueue("inquiry2", "inquiry");
        Agent both = f.ready(f.agent("both", "inquiry", "repair"));
        f.dispatch();
        assertEquals(List.of("repair1>both"), f.offers, "repair1 waited longer although inquiry comes first in the configuration");
        f.finishCall(both);
        f.acd.enqueue("urgent", "repair", 3, f.time.clock().instant());
        f.dispatch();
        assertEquals(List.of("repair1>both", "urgent>both"), f.offers, "priority goes before waiting time across queues");
    }

    @Test
    void nothingIsOfferedWithoutAReadyAgentOfTheQueue() {
        AcdFixture f = new AcdFixture(queue("inquiry", Strategy.LONGEST_IDLE), queue("repair", Strategy.LONGEST_IDLE));
        f.ready(f.agent("repairman", "repair"));
        f.agent("idle", "inquiry");
        f.acd.enqueue("call1", "inquiry");
        f.dispatch();
        assertTrue(f.offers.isEmpty());
        assertEquals(List.of("call1"), f.acd.waiting("inquiry"));
        assertNull(f.acd.agent("repairman").orElseThrow().callId());
    }
}
