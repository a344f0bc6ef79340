package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link QueueFlow} alone, in virtual time, on a real ACD and a fake port that writes down what
 * the caller hears and what call control is asked: no call manager, no call context. The
 * decisions themselves are {@code QueuePolicyTest}'s.
 */
class QueueFlowAloneTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final BoxConfig config;
    private final Acd acd;
    private final List<String> asked = new ArrayList<>();
    private final List<String> journal = new ArrayList<>();
    private final Map<String, Call> calls = new HashMap<>();
    private final Map<Agent, String> resume = new HashMap<>();
    private final QueueFlow queues;
    private final Agent agent1;

    QueueFlowAloneTest() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Queue inquiry = new BoxConfig.Queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE, 12, 10, 30, "repair",
                BoxConfig.Overflow.QUEUE, 1, "", 0, 0);
        config = d.withQueues(List.of(inquiry, d.queues().get(1), d.queues().get(2)));
        acd = new Acd(config.queues(), scheduler.clock());
        agent1 = new Agent("agent1", "Agent 1", 1, List.of("inquiry", "repair"), now());
        acd.login(agent1);
        queues = new QueueFlow(scheduler, acd, new CallEventLog((type, callId, agentId, queue, a) -> journal.add(type + " " + queue)),
                null, null, new QueueFlow.Port() {
                    @Override public void announce(Call call, int position, Duration wait, Runnable done) { asked.add("position " + position); }
                    @Override public void music(Call call) { asked.add("music " + call.id()); }
                    @Override public BoxConfig config() { return config; }
                    @Override public Call call(String id) { return calls.get(id); }

                    @Override
                    public void offer(Call call, Agent agent, CallEvent event) {
                        asked.add("offer " + call.id() + " to " + agent.id() + " on " + event);
                        call.on(event, now());
                    }

                    @Override public void end(Call call, String why, Q850Cause cause) { asked.add("end " + call.id() + " " + cause); }
                    @Override public String resumeReason(Agent agent) { return resume.get(agent); }
                    @Override public void ready(Agent agent, String why) { asked.add("ready " + agent.id()); }
                    @Override public void free(Agent agent, String why) { asked.add("free " + agent.id()); }
                    @Override public void notReady(Agent agent, String why, String reason) { asked.add("not ready " + agent.id() + " " + reason); }
                });
    }

    private Instant now() {
        return scheduler.clock().instant();
    }

    private Call answered(String id, Call.Direction direction) {
        Call call = PolicyCalls.answered(id, direction, "13800000001", now());
        calls.put(id, call);
        return call;
    }

    @Test
    void aJoiningCallerHearsMusicWaitsInLineFromTheirPlaceAndIsOfferedToTheNextReadyAgent() {
        Call call = answered("C1", Call.Direction.IN);
        call.placeSince = now();
        scheduler.advance(Duration.ofSeconds(5));
        queues.enqueue(call, false, CallEvent.QUEUE_JOINED);
        assertEquals(Call.State.QUEUED, call.state());
        assertEquals(List.of("music C1"), asked);
        assertEquals(List.of("call.queued inquiry"), journal);
        assertEquals(List.of("C1"), acd.waiting("inquiry"));
        assertEquals(call.placeSince, acd.entry("C1").orElseThrow().placeSince(), "the place from before, not the join");

        acd.setState(agent1, AgentState.READY);
        queues.dispatch();
        assertEquals("offer C1 to agent1 on AGENT_MATCHED", asked.getLast());
        assertEquals(Call.State.OFFERED, call.state());
    }

    @Test
    void theMaximumWaitOverflowsToTheOtherQueueAtTheHeadOfItsLine() {
        Call call = answered("C2", Call.Direction.IN);
        queues.enqueue(call, false, CallEvent.QUEUE_JOINED);
        scheduler.advance(Duration.ofSeconds(29));
        assertEquals("inquiry", call.queue());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals("repair", call.queue());
        assertEquals(Call.State.QUEUED, call.state());
        assertEquals(List.of("C2"), acd.waiting("repair"));
        assertTrue(acd.waiting("inquiry").isEmpty());
        assertEquals(List.of("call.queued inquiry", "call.overflow repair", "call.queued repair"), journal);
    }

    @Test
    void aRingOutSendsTheCallerBackToTheHeadAndTheAgentWhereThePolicySays() {
        Call call = answered("C3", Call.Direction.IN);
        queues.enqueue(call, false, CallEvent.QUEUE_JOINED);
        acd.setState(agent1, AgentState.READY);
        queues.dispatch();
        queues.offerNotAnswered(call, agent1);
        assertTrue(asked.contains("ready agent1"), asked.toString());
        assertEquals(Call.State.QUEUED, call.state());
        assertEquals(List.of("call.queued inquiry", "call.offer_missed inquiry", "call.queued inquiry"), journal);
        assertEquals(List.of("C3"), acd.waiting("inquiry"));
    }

    @Test
    void aColleagueRungWhileNotReadyIsFreedToTheirReasonAndAnUnansweredInternalCallEnds() {
        Call call = answered("C4", Call.Direction.INTERNAL);
        resume.put(agent1, "meal");
        queues.offerNotAnswered(call, agent1);
        assertEquals(List.of("free agent1", "end C4 " + Q850Cause.NO_ANSWER), asked);
    }

    @Test
    void anOverflowTheCallsStateDoesNotAllowIsIgnoredAndChangesNothing() {
        queues.enqueue(answered("C5", Call.Direction.IN), false, CallEvent.QUEUE_JOINED); // the line (1) is full
        Call talking = answered("C6", Call.Direction.IN);
        talking.on(CallEvent.QUEUE_JOINED, now());
        talking.on(CallEvent.AGENT_MATCHED, now());
        talking.on(CallEvent.SEAT_OPENED, now());
        journal.clear();
        asked.clear();
        queues.enqueue(talking, false, CallEvent.QUEUE_JOINED);
        assertEquals(Call.State.CONNECTED, talking.state());
        assertEquals("inquiry", talking.queue(), "not moved to the overflow queue");
        assertEquals(List.of("C5"), acd.waiting("inquiry"));
        assertTrue(acd.waiting("repair").isEmpty());
        assertEquals(List.of(), journal, "no overflow journaled");
        assertEquals(List.of(), asked);
    }
}
