package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.MonitorMode;
import io.branchbox.firmware.console.TransferTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCallControlTest {
    private final CallFixture f = new CallFixture();
    private final AgentCallControl control = f.calls.control();

    @Test
    void holdPlaysMusicToTheCallerAndRetrieveBridgesBack() {
        f.connectedCall(1, 1);
        int mark = f.events.size();
        control.hold(f.agent(1));
        assertEquals(Call.State.HELD, f.only().state());
        assertThrows(ConsoleException.class, () -> control.hold(f.agent(1)), "already on hold");
        f.talk(Duration.ofSeconds(3), 1);
        control.retrieve(f.agent(1));
        assertEquals(Call.State.CONNECTED, f.only().state());
        assertEquals(List.of("call.held agent1", "call.retrieved agent1"), f.eventsSince(mark));
        assertEquals(AgentState.ON_CALL, f.agent(1).state());
    }

    @Test
    void blindTransferToAnAgentRingsTheirSeatAndKeepsOneRecording() {
        f.connectedCall(1, 1);
        f.calls.onReadyButton(2);
        control.transfer(f.agent(1), TransferTarget.agent("agent2"), false);
        assertEquals(AgentState.WRAP_UP, f.agent(1).state());
        assertEquals(AgentState.OFFERED, f.agent(2).state());
        assertEquals(Call.State.OFFERED, f.only().state());
        f.calls.onAnswerButton(2);
        f.scheduler.runPending();
        assertEquals(AgentState.ON_CALL, f.agent(2).state());
        assertEquals(f.agent(2), f.only().agent());
        f.talk(Duration.ofSeconds(1), 1);
        f.calls.onTrunkCleared(f.only().trunk(), Q850Cause.NORMAL_CLEARING);
        assertEquals(1, f.recordingsStarted, "one recording for the whole call");
        assertTrue(f.events.contains("call.transferred agent1"));
        assertEquals(2, f.events.stream().filter(e -> e.startsWith("call.connected")).count());
        assertTrue(f.events.stream().anyMatch(e -> e.equals("call.ended agent2")));
    }

    @Test
    void blindTransferToAQueueWaitsAtTheHeadAndCountsAsServedIfTheCallerHangsUp() {
        CallFixture.Trunk t = f.connectedCall(1, 1);
        control.transfer(f.agent(1), TransferTarget.queue("repair"), false);
        assertEquals(Call.State.QUEUED, f.only().state());
        assertEquals("repair", f.only().queue());
        assertEquals(List.of(f.only().id()), f.calls.acd().waiting("repair"));
        f.calls.onTrunkCleared(t, Q850Cause.NORMAL_CLEARING);
        int ended = f.events.indexOf("call.ended");
        assertEquals("ANSWERED", f.eventAttrs.get(ended).get("disposition"));
    }

    @Test
    void aCallTransferredToAQueueIsOfferedByTheStrategyNotAvoidingWhoAnsweredItFirst() {
        f.connectedCall(1, 1); // the queue offered it to agent1, who answered
        f.calls.onReadyButton(2);
        control.transfer(f.agent(1), TransferTarget.agent("agent2"), false);
        f.calls.onAnswerButton(2);
        f.scheduler.runPending();
        f.talk(Duration.ofSeconds(11), 1); // agent1's wrap-up ends: agent1 is now the longest idle
        assertEquals(AgentState.READY, f.agent(1).state());
        f.calls.onReadyButton(3);
        control.transfer(f.agent(2), TransferTarget.queue("inquiry"), false);
        assertEquals(f.agent(1), f.only().agent(), "longest idle; agent1 missed nothing, it is not to be avoided");
        assertEquals(AgentState.OFFERED, f.agent(1).state());
        assertEquals(AgentState.READY, f.agent(3).state());
    }

    @Test
    void attendedTransferConsultsFirstThenHandsTheCallerOver() {
        f.connectedCall(1, 1);
        control.transfer(f.agent(1), TransferTarget.agent("agent2"), true);
        assertEquals(Call.State.CONSULTING, f.only().state());
        assertEquals(AgentState.OFFERED, f.agent(2).state());
        assertThrows(ConsoleException.class, () -> control.completeTransfer(f.agent(1)), "agent2 has not answered yet");
        f.calls.onAnswerButton(2);
        f.scheduler.runPending();
        assertEquals(AgentState.ON_CALL, f.agent(2).state());
        assertTrue(f.channelOps.contains("open 31/0"), "agent2's headset opened: " + f.channelOps);
        control.completeTransfer(f.agent(1));
        assertEquals(f.agent(2), f.only().agent());
        assertEquals(Call.State.CONNECTED, f.only().state());
        assertEquals(AgentState.WRAP_UP, f.agent(1).state());
        assertTrue(f.events.contains("call.consult agent1"));
        assertTrue(f.events.contains("call.transferred agent1"));
    }

    @Test
    void retrieveDuringAConsultationReleasesTheColleagueAndTakesTheCallerBack() {
        f.connectedCall(1, 1);
        control.transfer(f.agent(1), TransferTarget.agent("agent2"), true);
        f.calls.onAnswerButton(2);
        f.scheduler.runPending();
        control.retrieve(f.agent(1));
        assertEquals(Call.State.CONNECTED, f.only().state());
        assertEquals(f.agent(1), f.only().agent());
        assertEquals(AgentState.WRAP_UP, f.agent(2).state(), "the colleague talked: wrap-up");
        assertTrue(f.channelOps.contains("close 31/0"));
    }

    @Test
    void anUnansweredConsultationEndsOnItsOwnAndTheColleagueIsFreeAgain() {
        f.connectedCall(1, 1);
        control.transfer(f.agent(1), TransferTarget.agent("agent2"), true);
        f.scheduler.advance(Duration.ofSeconds(f.config.queues().get(0).offerTimeoutS()));
        assertEquals(Call.State.CONNECTED, f.only().state());
        assertEquals(AgentState.NOT_READY, f.agent(2).state(), "agent2 was not ready (since login) and is again");
        assertEquals("login", f.agent(2).reasonCode());
    }

    @Test
    void transferToABusyOrUnknownTargetIsRefusedAndChangesNothing() {
        f.connectedCall(1, 1);
        f.connectedCall(2, 2);
        ConsoleException busy = assertThrows(ConsoleException.class,
                () -> control.transfer(f.agent(1), TransferTarget.agent("agent2"), false));
        assertEquals("busy", busy.code());
        assertEquals("no-such-queue", assertThrows(ConsoleException.class,
                () -> control.transfer(f.agent(1), TransferTarget.queue("nosuch"), false)).code());
        assertEquals(AgentState.ON_CALL, f.agent(1).state());
    }

    @Test
    void aSupervisorListensFromTheirOwnSeatAndLeavesWithoutDisturbingTheCall() {
        f.connectedCall(1, 1);
        control.monitor(f.agent(3), f.agent(1), MonitorMode.LISTEN);
        f.scheduler.runPending();
        assertTrue(f.channelOps.contains("open 32/0"), f.channelOps.toString());
        assertEquals(AgentState.NOT_READY, f.agent(3).state());
        control.monitor(f.agent(3), f.agent(1), MonitorMode.BARGE);
        control.monitor(f.agent(3), f.agent(1), MonitorMode.END);
        assertTrue(f.channelOps.contains("close 32/0"));
        assertEquals(Call.State.CONNECTED, f.only().state());
        assertEquals(List.of("LISTEN", "BARGE", "END"), f.eventAttrs.stream().filter(a -> a.containsKey("mode"))
                .map(a -> a.get("mode")).toList());
    }

    @Test
    void aSecondModeAskedWhileTheSupervisorsHeadsetOpensOpensItOnceInThatMode() {
        f.connectedCall(1, 1);
        control.monitor(f.agent(3), f.agent(1), MonitorMode.LISTEN);
        control.monitor(f.agent(3), f.agent(1), MonitorMode.BARGE); // before the board acknowledged
        f.scheduler.runPending();
        assertEquals(1, f.channelOps.stream().filter("open 32/0"::equals).count(), f.channelOps.toString());
        assertEquals(List.of("BARGE"), f.eventAttrs.stream().filter(a -> a.containsKey("mode"))
                .map(a -> a.get("mode")).toList());
        control.monitor(f.agent(3), f.agent(1), MonitorMode.END);
        assertTrue(f.channelOps.contains("close 32/0"));
    }

    @Test
    void aHeadsetThatOpensAfterTheCallEndedIsClosedAgain() {
        f.connectedCall(1, 1);
        control.monitor(f.agent(3), f.agent(1), MonitorMode.LISTEN);
        f.calls.onTrunkCleared(f.only().trunk(), Q850Cause.NORMAL_CLEARING); // before the board acknowledged
        f.scheduler.runPending();
        assertEquals(1, f.channelOps.stream().filter("open 32/0"::equals).count(), f.channelOps.toString());
        assertEquals(1, f.channelOps.stream().filter("close 32/0"::equals).count(), "the late headset is not left open");
    }

    @Test
    void aColleagueWhoWasNotReadyGoesBackToNotReadyWithTheirReasonAfterATransferredCall() {
        f.calls.acd().setNotReady(f.agent(2), "meal");
        f.connectedCall(1, 1);
        control.transfer(f.agent(1), TransferTarget.agent("agent2"), false);
        f.calls.onAnswerButton(2);
        f.scheduler.runPending();
        f.calls.onTrunkCleared(f.only().trunk(), Q850Cause.NORMAL_CLEARING);
        f.scheduler.advance(Duration.ofSeconds(f.config.queues().get(0).wrapUpS()));
        assertEquals(AgentState.NOT_READY, f.agent(2).state(), "not back into the queues");
        assertEquals("meal", f.agent(2).reasonCode());
        assertEquals(AgentState.READY, f.agent(1).state(), "agent1 was ready before: ready again");
    }

    @Test
    void hangingUpDuringAnAnsweredConsultationHandsTheCallerOver() {
        f.connectedCall(1, 1);
        control.transfer(f.agent(1), TransferTarget.agent("agent2"), true);
        f.calls.onAnswerButton(2);
        f.scheduler.runPending();
        f.calls.onAnswerButton(1);
        assertEquals(f.agent(2), f.only().agent());
        assertEquals(Call.State.CONNECTED, f.only().state());
        assertEquals(AgentState.WRAP_UP, f.agent(1).state());
    }
}
