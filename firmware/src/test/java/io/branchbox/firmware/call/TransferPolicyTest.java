package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.console.Refusal;
import io.branchbox.firmware.console.TransferTarget;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TransferPolicy} alone, in virtual time: the decision for each kind of request, and every refusal. */
class TransferPolicyTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Acd acd = new Acd(ConfigDocuments.defaults().queues(), scheduler.clock());
    private final TransferPolicy policy = new TransferPolicy(acd);
    private final Agent agent1 = agent("agent1", 1);
    private final Agent agent2 = agent("agent2", 2);

    private Agent agent(String id, int seat) {
        Agent a = new Agent(id, id, seat, List.of("inquiry", "repair"), now());
        acd.login(a);
        return a;
    }

    private Instant now() {
        return scheduler.clock().instant();
    }

    /** A call in "inquiry" that agent1 answered. */
    private Call talking() {
        return PolicyCalls.talking("C1", agent1, now());
    }

    private static void refused(TransferPolicy.Decision d, Refusal reason, String message) {
        TransferPolicy.Decision.Refused r = assertInstanceOf(TransferPolicy.Decision.Refused.class, d);
        assertEquals(reason, r.reason());
        assertEquals(message, r.message());
    }

    @Test
    void aBlindTransferToAQueueGoesToThatQueue() {
        TransferPolicy.Decision d = policy.decide(talking(), agent1, TransferTarget.queue("repair"), false);
        assertEquals(new TransferPolicy.Decision.ToQueue("repair"), d);
        assertEquals(CallEvent.BLIND_TRANSFER_TO_QUEUE, TransferPolicy.event(TransferTarget.queue("repair"), false));
    }

    @Test
    void aBlindTransferToAFreeColleagueRingsThemAndSoDoesOneFromHold() {
        assertEquals(new TransferPolicy.Decision.ToAgent(agent2),
                policy.decide(talking(), agent1, TransferTarget.agent("agent2"), false), "not ready counts as free");
        Call held = talking();
        held.on(CallEvent.HOLD, now());
        acd.setState(agent2, AgentState.READY);
        assertEquals(new TransferPolicy.Decision.ToAgent(agent2),
                policy.decide(held, agent1, TransferTarget.agent("agent2"), false));
    }

    @Test
    void anAttendedTransferConsultsTheColleagueForTheQueuesOfferTimeout() {
        TransferPolicy.Decision d = policy.decide(talking(), agent1, TransferTarget.agent("agent2"), true);
        TransferPolicy.Decision.Consult c = assertInstanceOf(TransferPolicy.Decision.Consult.class, d);
        assertSame(agent2, c.agent());
        assertEquals(Duration.ofSeconds(acd.queue("inquiry").offerTimeoutS()), c.ringFor());
        assertEquals(CallEvent.CONSULT, TransferPolicy.event(TransferTarget.agent("agent2"), true));
    }

    @Test
    void onlyACallInConversationOrOnHoldCanBeTransferred() {
        Call waiting = new Call("C2", Call.Direction.IN, null, "inquiry", now());
        waiting.on(CallEvent.TRUNK_ANSWERED, now());
        waiting.on(CallEvent.QUEUE_JOINED, now());
        refused(policy.decide(waiting, agent1, TransferTarget.queue("repair"), false), Refusal.WRONG_STATE,
                "only a call in conversation or on hold can be transferred");
        Call consulting = talking();
        consulting.on(CallEvent.CONSULT, now());
        refused(policy.decide(consulting, agent1, TransferTarget.agent("agent2"), false), Refusal.WRONG_STATE,
                "only a call in conversation or on hold can be transferred");
    }

    @Test
    void aQueueIsNeverConsultedAndMustExist() {
        refused(policy.decide(talking(), agent1, TransferTarget.queue("repair"), true), Refusal.WRONG_STATE,
                "an attended transfer goes to an agent, not a queue");
        refused(policy.decide(talking(), agent1, TransferTarget.queue("sales"), false), Refusal.NO_SUCH_QUEUE,
                "no queue named sales");
    }

    @Test
    void theColleagueMustExistNotBeTheAgentBeFreeAndSitAtASeat() {
        refused(policy.decide(talking(), agent1, TransferTarget.agent("agent9"), false), Refusal.NO_SUCH_AGENT, "no agent agent9");
        refused(policy.decide(talking(), agent1, TransferTarget.agent("agent1"), true), Refusal.WRONG_STATE,
                "you cannot transfer a call to yourself");
        acd.setState(agent2, AgentState.WRAP_UP);
        refused(policy.decide(talking(), agent1, TransferTarget.agent("agent2"), false), Refusal.BUSY, "agent2 is wrap up");
        Agent remote = new Agent("agent3", "agent3", 0, List.of("inquiry"), now());
        acd.login(remote, 0);
        refused(policy.decide(talking(), agent1, TransferTarget.agent("agent3"), false), Refusal.NO_SEAT, "agent3 is not at a seat");
    }

    @Test
    void aRefusalChangesNothing() {
        Call call = talking();
        acd.setState(agent2, AgentState.ON_CALL);
        refused(policy.decide(call, agent1, TransferTarget.agent("agent2"), true), Refusal.BUSY, "agent2 is on call");
        assertEquals(Call.State.CONNECTED, call.state());
        assertEquals("inquiry", call.queue());
        assertEquals(AgentState.ON_CALL, agent2.state());
        assertEquals(0, scheduler.pendingCount());
    }
}
