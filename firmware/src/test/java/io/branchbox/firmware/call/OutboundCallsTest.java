package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.console.ConsoleException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboundCallsTest {
    private final CallFixture f = new CallFixture();

    @Test
    void clickToDialBridgesTheAnsweredTrunkToTheSeatAndRecordsIt() {
        f.calls.outbound().dial(f.agent(1), "13912345678");
        f.scheduler.runPending();
        assertEquals(java.util.List.of("13912345678"), f.dialled);
        assertEquals(Call.State.DIALLING, f.only().state());
        CallFixture.Trunk far = f.new Trunk(5, "", "13912345678");
        f.dialResult.complete(far);
        f.scheduler.runPending();
        assertEquals(Call.State.CONNECTED, f.only().state());
        assertEquals(Call.Direction.OUT, f.only().direction());
        assertEquals(1, f.recordingsStarted);
        f.talk(Duration.ofSeconds(1), 5);
        f.calls.onAnswerButton(1); // the agent hangs up: no survey on outbound calls
        assertEquals("hangup ts5 16", f.trunkActions.get(f.trunkActions.size() - 1));
        assertEquals(AgentState.WRAP_UP, f.agent(1).state());
    }

    @Test
    void aFailedDialIsShownToTheAgentAndReturnsThemToWhereTheyWere() {
        f.calls.onReadyButton(1);
        f.calls.outbound().dial(f.agent(1), "13912345678");
        f.dialResult.completeExceptionally(new IllegalStateException("all channels busy (cause 34)"));
        f.scheduler.runPending();
        assertTrue(f.calls.calls().isEmpty());
        assertEquals(AgentState.READY, f.agent(1).state());
        assertTrue(f.calls.outbound().lastFailure(f.agent(1)).contains("cause 34"));
        int ended = f.events.indexOf("call.ended agent1");
        assertEquals("FAILED", f.eventAttrs.get(ended).get("disposition"));
    }

    @Test
    void anInternalCallRingsTheColleaguesSeatAndIsRecordedFromTheAnswer() {
        f.calls.outbound().dial(f.agent(1), "802");
        f.scheduler.runPending();
        assertEquals(AgentState.OFFERED, f.agent(2).state());
        assertEquals(Call.Direction.INTERNAL, f.only().direction());
        f.calls.onAnswerButton(2);
        f.scheduler.runPending();
        assertEquals(Call.State.CONNECTED, f.only().state());
        assertEquals(1, f.recordingsStarted);
        f.calls.onAnswerButton(1);
        assertTrue(f.calls.calls().isEmpty());
        assertTrue(f.channelOps.contains("close 30/0") && f.channelOps.contains("close 31/0"), f.channelOps.toString());
        assertEquals(AgentState.WRAP_UP, f.agent(1).state());
        assertEquals(AgentState.WRAP_UP, f.agent(2).state());
    }

    @Test
    void dialingIsRefusedWhileBusyOrForABadNumber() {
        f.connectedCall(1, 1);
        assertEquals("busy", assertThrows(ConsoleException.class, () -> f.calls.outbound().dial(f.agent(1), "123")).code());
        assertEquals("bad-number", assertThrows(ConsoleException.class,
                () -> f.calls.outbound().dial(f.agent(2), "12;rm -rf")).code());
        assertEquals("no-such-agent", assertThrows(ConsoleException.class,
                () -> f.calls.outbound().dial(f.agent(2), "809")).code());
    }
}
