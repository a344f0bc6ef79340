package io.branchbox.firmware.acd;

import static io.branchbox.firmware.acd.AcdFixture.queue;
import static io.branchbox.firmware.acd.AcdFixture.skilled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.BoxConfig.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcdAgentTest {
    private final AcdFixture f = new AcdFixture(queue("inquiry", Strategy.FEWEST_CALLS), skilled("complaint", "complaints", 30));

    @Test
    void notReadyCarriesItsReasonCodeUntilTheNextStateChange() {
        Agent a = f.agent("a", "inquiry");
        assertEquals(AgentState.NOT_READY, a.state());
        assertEquals(Acd.REASON_LOGIN, a.reasonCode());
        f.acd.setNotReady(a, "lunch");
        assertEquals("lunch", a.reasonCode());
        f.ready(a);
        assertEquals("", a.reasonCode());
        f.acd.setState(a, AgentState.NOT_READY);
        assertEquals("", a.reasonCode());
        f.acd.setNotReady(a, "training");
        assertEquals(AgentState.NOT_READY, a.state());
        assertEquals("training", a.reasonCode());
    }

    @Test
    void loginBindsASeatOnceAndLogoutWaitsForTheCallToEnd() {
        Agent a = new Agent("a", "A", 3, List.of("inquiry"), f.t0);
        Agent b = new Agent("b", "B", 3, List.of("inquiry"), f.t0);
        f.acd.login(a);
        assertEquals(a, f.acd.agentAtSeat(3).orElseThrow());
        assertThrows(IllegalStateException.class, () -> f.acd.login(b), "seat 3 is taken");
        assertThrows(IllegalStateException.class, () -> f.acd.login(a, 4), "already logged in");
        f.acd.login(b, 5);
        assertEquals(5, b.seat());
        f.ready(a);
        f.acd.enqueue("call1", "inquiry");
        f.dispatch();
        assertFalse(f.acd.logout(a), "a is offered a call");
        assertEquals(AgentState.OFFERED, a.state());
        f.acd.release(a);
        f.acd.setState(a, AgentState.READY);
        assertTrue(f.acd.logout(a));
        assertEquals(AgentState.LOGGED_OUT, a.state());
        assertTrue(f.acd.agentAtSeat(3).isEmpty());
        f.acd.login(a, 3);
        assertEquals(AgentState.NOT_READY, a.state());
    }

    @Test
    void missedOffersAreCountedInARowAndAnAnswerEndsTheRun() {
        Agent a = f.agent("a", "inquiry");
        assertEquals(1, f.acd.recordMissedOffer(a));
        assertEquals(2, f.acd.recordMissedOffer(a));
        f.acd.recordAnswered(a);
        assertEquals(0, a.missedOffers());
        assertEquals(1, f.acd.recordMissedOffer(a));
        f.acd.logout(a);
        f.acd.login(a);
        assertEquals(0, a.missedOffers(), "a new login starts afresh");
    }

    @Test
    void aCallBackFromAMissedOfferGoesToAnotherReadyAgentIfThereIsOne() {
        Agent a = f.ready(f.agent("a", "inquiry"));
        Agent b = f.ready(f.agent("b", "inquiry"));
        f.finishCall(b);
        f.acd.enqueue("call1", "inquiry");
        f.dispatch();
        assertEquals(List.of("call1>a"), f.offers, "a has handled fewer calls");
        missed(a, "call1");
        assertEquals(List.of("call1>a", "call1>b"), f.offers, "a still has fewer calls but just missed this one");
        missed(b, "call1");
        assertEquals(List.of("call1>a", "call1>b", "call1>a"), f.offers, "the skip lasts one offer");
        f.acd.setNotReady(b, "break");
        missed(a, "call1");
        assertEquals(List.of("call1>a", "call1>b", "call1>a", "call1>a"), f.offers, "nobody else is ready: a gets it again");
    }

    @Test
    void excludeOnceSkipsAnAgentForTheNextOfferOfThatCallOnly() {
        f.ready(f.agent("a", "inquiry"));
        Agent b = f.ready(f.agent("b", "inquiry"));
        f.finishCall(b);
        f.acd.enqueue("call1", "inquiry");
        f.acd.enqueue("call2", "inquiry");
        f.acd.excludeOnce("call1", "a");
        f.dispatch();
        assertEquals(List.of("call1>b", "call2>a"), f.offers);
    }

    @Test
    void agentsOfAQueueListItAndHaveItsSkill() {
        f.agent("plain", "inquiry", "complaint");
        f.agent("skilled", List.of("complaint"), Map.of("complaints", 1));
        f.agent("both", List.of("inquiry", "complaint"), Map.of("complaints", 4));
        assertEquals(List.of("plain", "both"), f.acd.agentsOf("inquiry").stream().map(Agent::id).toList());
        assertEquals(List.of("skilled", "both"), f.acd.agentsOf("complaint").stream().map(Agent::id).toList());
    }

    @Test
    void agentFromTheConfigurationKeepsSkillsAndClampsLevels() {
        Agent a = Agent.from(new BoxConfig.Agent("z", "Zhang", 2, List.of("complaint"), Map.of("complaints", 9, "repair", 0)), f.t0);
        assertEquals(5, a.level("complaints"));
        assertEquals(0, a.level("billing"));
        assertEquals(0, a.level("repair"));
        assertEquals(AgentState.LOGGED_OUT, a.state());
    }

    @Test
    void snapshotCountsCallersAndAgentsPerQueue() {
        Agent a = f.ready(f.agent("a", "inquiry"));
        f.ready(f.agent("b", "inquiry"));
        Agent c = f.agent("c", "inquiry");
        f.agent("d", "inquiry");
        f.acd.logout(c);
        f.acd.enqueue("call1", "inquiry");
        f.advance(3);
        f.acd.enqueue("call2", "inquiry");
        f.acd.enqueue("call3", "inquiry");
        f.acd.setState(a, AgentState.NOT_READY);
        f.dispatch();
        List<QueueSnapshot> s = f.acd.snapshot();
        assertEquals(new QueueSnapshot("inquiry", 2, f.t0.plusSeconds(3), 0, 1, 2), s.get(0));
        assertEquals(new QueueSnapshot("complaint", 0, null, 0, 0, 0), s.get(1));
    }

    /** What call control does when an offer rings out but the agent stays ready. */
    private void missed(Agent a, String callId) {
        f.acd.recordMissedOffer(a);
        f.acd.release(a);
        f.acd.setState(a, AgentState.READY);
        f.acd.requeueFirst(callId, "inquiry");
        f.dispatch();
    }
}
