package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A caller waiting for an agent, on its own in virtual time: maximum wait, length, overflow. */
class QueueFlowTest {

    /** The default document with "inquiry" replaced by {@code inquiry}, no menu. */
    private static CallFixture fixture(BoxConfig.Queue inquiry) {
        BoxConfig d = ConfigDocuments.defaults();
        return new CallFixture(d.withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "survey"))
                .withQueues(List.of(inquiry, d.queues().get(1), d.queues().get(2))));
    }

    private static BoxConfig.Queue inquiry(int maxWaitS, BoxConfig.Overflow overflow, String overflowQueue, int maxLength) {
        return new BoxConfig.Queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE, 12, 10, maxWaitS, overflowQueue, overflow,
                maxLength, "", 0, 0);
    }

    @Test
    void withoutAnOverflowTheCallerWaitsOnPastTheMaximumNobodyIsDropped() {
        CallFixture f = fixture(inquiry(30, BoxConfig.Overflow.NONE, "", 0));
        f.calls.onIncoming(f.new Trunk(1, "13800000001", "95598"));
        f.talk(Duration.ofSeconds(120), 1);
        assertEquals(Call.State.QUEUED, f.only().state());
        assertEquals("inquiry", f.only().queue());
        assertTrue(f.events.stream().noneMatch(e -> e.startsWith("call.overflow")), f.events.toString());
    }

    @Test
    void aFullQueueSendsTheNextCallerToVoicemailAndKeepsTheFirstInLine() {
        CallFixture f = fixture(inquiry(600, BoxConfig.Overflow.VOICEMAIL, "", 1));
        f.calls.onIncoming(f.new Trunk(1, "13800000001", "95598"));
        f.talk(Duration.ofSeconds(6), 1);
        f.calls.onIncoming(f.new Trunk(2, "13800000002", "95598"));
        f.talk(Duration.ofSeconds(6), 1, 2);
        assertEquals(Call.State.QUEUED, f.calls.calls().get(0).state());
        assertEquals(Call.State.VOICEMAIL, f.calls.calls().get(1).state());
        assertEquals(List.of(f.calls.calls().get(0).id()), f.calls.acd().waiting("inquiry"));
        assertTrue(f.events.contains("call.overflow"), f.events.toString());
    }

    @Test
    void theMaximumWaitPassingWhileTheSeatRingsLetsTheRingFinishAndTheAgentAnswer() {
        CallFixture f = fixture(inquiry(30, BoxConfig.Overflow.QUEUE, "repair", 0));
        f.calls.onIncoming(f.new Trunk(1, "13800000001", "95598"));
        f.talk(Duration.ofSeconds(6), 1); // greeting: queued at about 6 s
        f.talk(Duration.ofSeconds(25), 1);
        f.calls.onReadyButton(1); // rings at about 31 s
        assertEquals(Call.State.OFFERED, f.only().state());
        f.talk(Duration.ofSeconds(9), 1); // the maximum wait (36 s) passes while it rings
        assertEquals(Call.State.OFFERED, f.only().state(), "no overflow in the middle of a ring");
        f.calls.onAnswerButton(1);
        f.scheduler.runPending();
        f.talk(Duration.ofSeconds(5), 1);
        assertEquals(Call.State.CONNECTED, f.only().state());
        assertEquals("inquiry", f.only().queue());
        assertEquals(AgentState.ON_CALL, f.agent(1).state());
        assertTrue(f.events.stream().noneMatch(e -> e.startsWith("call.overflow")), f.events.toString());
    }

    /** Bug found in issue 14: a not-ready colleague rung by a blind transfer who let it ring out became READY. */
    @Test
    void aNotReadyColleagueWhoLetsATransferRingOutGoesBackToNotReadyAndTheCallerToTheLine() {
        CallFixture f = new CallFixture();
        f.calls.acd().setNotReady(f.agent(2), "meal");
        f.connectedCall(1, 1);
        f.calls.control().transfer(f.agent(1), io.branchbox.firmware.console.TransferTarget.agent("agent2"), false);
        assertEquals(AgentState.OFFERED, f.agent(2).state());
        f.scheduler.advance(Duration.ofSeconds(f.config.queues().get(0).offerTimeoutS()));
        assertEquals(AgentState.NOT_READY, f.agent(2).state(), "not into the queues by a ring they did not take");
        assertEquals("meal", f.agent(2).reasonCode());
        // back in line, the caller goes to the next ready agent: agent1, ready again after the wrap-up
        assertEquals(Call.State.OFFERED, f.only().state());
        assertEquals(f.agent(1), f.only().agent());
    }

    /** Bug found in issue 14: a not-ready colleague who did not answer an internal call became READY. */
    @Test
    void anInternalCallNobodyAnswersEndsAndTheNotReadyColleagueStaysNotReady() {
        CallFixture f = new CallFixture();
        f.calls.onReadyButton(1);
        f.calls.outbound().dial(f.agent(1), "802");
        f.scheduler.runPending();
        assertEquals(AgentState.OFFERED, f.agent(2).state());
        f.scheduler.advance(Duration.ofSeconds(f.config.queues().get(0).offerTimeoutS()));
        assertTrue(f.calls.calls().isEmpty(), "the internal call ends");
        assertEquals(AgentState.NOT_READY, f.agent(2).state());
        assertEquals("login", f.agent(2).reasonCode());
        assertEquals(AgentState.READY, f.agent(1).state(), "the caller's agent is back where they were");
    }

    /**
     * Bug found in issue 14: a caller with a withheld number whose wait overflowed to a callback
     * "waits instead", but lost their place to everyone who came after them.
     */
    @Test
    void aWithheldCallerWhoseWaitOverflowsToACallbackWaitsOnInTheirPlace() {
        CallFixture f = fixture(inquiry(30, BoxConfig.Overflow.CALLBACK, "", 0));
        f.calls.onIncoming(f.new Trunk(1, "", "95598"));
        f.talk(Duration.ofSeconds(6), 1); // queued at about 6 s
        f.calls.onIncoming(f.new Trunk(2, "13800000002", "95598"));
        f.talk(Duration.ofSeconds(20), 1, 2); // queued at about 12 s
        Call withheld = f.calls.calls().get(0);
        Call second = f.calls.calls().get(1);
        f.talk(Duration.ofSeconds(12), 1, 2); // the withheld caller's maximum wait passes (36 s)
        assertEquals(Call.State.QUEUED, withheld.state(), "no number to call back: waits on");
        assertEquals(List.of(withheld.id(), second.id()), f.calls.acd().waiting("inquiry"), "in the place they had");
    }
}
