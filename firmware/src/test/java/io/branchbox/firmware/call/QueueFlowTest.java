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
}
