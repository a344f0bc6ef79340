package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.console.MonitorMode;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The call's legs, in virtual time: the far leg ({@link TrunkLeg}), the near leg ({@link AgentLeg},
 * {@link ForwardLeg}) and the call's state timer. Each asynchronous answer (a channel the board
 * opens late, a dial answered late) asks its leg whether it is still current, and acts only then.
 */
class CallLegsTest {
    private final CallFixture f = new CallFixture();

    @Test
    void theNearLegIsTheAgentsFromTheOfferToTheEndAndTheFarLegTheCallersChannel() {
        CallFixture.Trunk t = f.new Trunk(1, "13800000001", "95598");
        f.calls.onIncoming(t);
        f.talk(Duration.ofSeconds(6), 1);
        Call call = f.only();
        assertNull(call.near(), "nobody on the near side while the caller waits");
        assertSame(t, call.far().trunk());
        assertEquals(1, call.trunkChannel().chan());
        f.calls.onReadyButton(1);
        AgentLeg leg = call.agentLeg();
        assertSame(f.agent(1), leg.agent());
        assertSame(f.agent(1), call.agent());
        assertNull(call.seatChannel(), "ringing: no headset yet");
        f.calls.onAnswerButton(1);
        f.scheduler.runPending();
        assertSame(leg, call.near(), "the leg that rang is the leg that talks");
        assertEquals(CallFixture.headset(1), call.seatChannel().unit());
    }

    @Test
    void aHeadsetTheBoardOpensAfterTheCallerHungUpIsClosedNotBridged() {
        f.slowOpens.add(Integer.toHexString(CallFixture.headset(1)) + "/0");
        CallFixture.Trunk t = f.new Trunk(1, "13800000001", "95598");
        f.calls.onIncoming(t);
        f.talk(Duration.ofSeconds(6), 1);
        f.calls.onReadyButton(1);
        f.calls.onAnswerButton(1);
        f.scheduler.runPending();
        f.calls.onTrunkCleared(t, Q850Cause.NORMAL_CLEARING); // the caller gives up while the headset opens
        int ops = f.channelOps.size();
        f.heldOpens.values().forEach(o -> o.complete(null));
        f.scheduler.runPending();
        assertEquals(List.of("close 30/0"), f.channelOps.subList(ops, f.channelOps.size()), "opened late, closed at once");
        assertFalse(f.events.stream().anyMatch(e -> e.startsWith("call.connected")));
        assertEquals(AgentState.READY, f.agent(1).state(), "it only rang: back to ready, no wrap-up");
    }

    @Test
    void aCallerWhoHungUpBeforeTheBoardRefusedTheirChannelIsNotClearedAgain() {
        // before the far leg: the refused channel cleared the trunk a second time, with cause 41
        f.failingUnits.add(CallFixture.SPAN0);
        CallFixture.Trunk t = f.new Trunk(1, "13800000001", "95598");
        f.calls.onIncoming(t);
        f.calls.onTrunkCleared(t, Q850Cause.NORMAL_CLEARING); // before the board's answer reaches signalling
        f.scheduler.runPending();
        assertEquals(List.of(), f.trunkActions, "the trunk cleared itself: nothing to send it");
        assertEquals(1, f.events.stream().filter(e -> e.startsWith("call.ended")).count());
    }

    @Test
    void aMissedOfferTakesTheAgentLegOffAndTheNextOfferIsANewLeg() {
        f.calls.onIncoming(f.new Trunk(1, "13800000001", "95598"));
        f.talk(Duration.ofSeconds(6), 1);
        f.calls.onReadyButton(1);
        AgentLeg first = f.only().agentLeg();
        f.talk(Duration.ofSeconds(13), 1); // offer timeout 12 s: back to the head of the line, offered again
        AgentLeg second = f.only().agentLeg();
        assertTrue(second != null && second != first, "a new leg for the new offer");
        assertFalse(first.isCurrent(f.only()), "the missed offer's leg is no longer current");
        assertTrue(second.isCurrent(f.only()));
    }

    @Test
    void theAgentDiallingOutIsTheCallsAgentOnlyOnceTheFarEndAnswered() {
        f.calls.outbound().dial(f.agent(1), "13912345678");
        f.scheduler.runPending();
        Call call = f.only();
        assertTrue(call.agentLeg().dialling());
        assertNull(call.agent(), "the status page shows no agent on a call still ringing out");
        assertNull(call.far(), "no far leg before the answer");
        assertEquals(CallFixture.headset(1), call.seatChannel().unit(), "the agent's own headset is open");
        f.dialResult.complete(f.new Trunk(5, "", "13912345678"));
        f.scheduler.runPending();
        assertSame(f.agent(1), call.agent());
        assertEquals(5, call.trunkChannel().chan());
    }

    @Test
    void aDialAnsweredAfterTheAgentHungUpIsClearedAndNeverBridged() {
        f.calls.outbound().dial(f.agent(1), "13912345678");
        f.scheduler.runPending();
        f.calls.onAnswerButton(1); // the agent hangs up before the far end answers
        assertTrue(f.calls.calls().isEmpty());
        CallFixture.Trunk late = f.new Trunk(5, "", "13912345678");
        f.dialResult.complete(late);
        f.scheduler.runPending();
        assertEquals("hangup ts5 16", f.trunkActions.get(f.trunkActions.size() - 1));
        assertFalse(f.channelOps.contains("open 10/5"), "the late answer's channel is never opened");
    }

    /** IVR key 8 forwards the caller to 13900000000. */
    private static BoxConfig forwardingMenu() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Step toInquiry = new BoxConfig.Step(BoxConfig.StepAction.QUEUE, "inquiry", 0);
        BoxConfig.Menu main = new BoxConfig.Menu("main", "main-menu", 5, 1, "invalid-choice",
                Map.of("8", new BoxConfig.Step(BoxConfig.StepAction.FORWARD, "13900000000", 0)), toInquiry);
        return d.withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "survey", "main", List.of(main), Map.of(),
                "default"));
    }

    @Test
    void aForwardedPartyIsClearedOnceWhenTheCallerHangsUpWhileTheirChannelOpens() {
        // before the legs the forwarded party got two clears: NORMAL_CLEARING from the call's end,
        // then TEMPORARY_FAILURE from the late channel
        CallFixture g = new CallFixture(forwardingMenu());
        g.slowOpens.add("10/7");
        CallFixture.Trunk caller = g.new Trunk(1, "13800000001", "95598");
        g.calls.onIncoming(caller);
        g.talk(Duration.ofSeconds(6), 1);
        g.press(1, "8");
        assertTrue(g.only().near() instanceof ForwardLeg);
        g.dialResult.complete(g.new Trunk(7, "", "13900000000"));
        g.scheduler.runPending();
        g.calls.onTrunkCleared(caller, Q850Cause.NORMAL_CLEARING);
        g.heldOpens.values().forEach(o -> o.complete(null));
        g.scheduler.runPending();
        assertEquals(List.of("hangup ts7 16"), g.trunkActions.stream().filter(a -> a.contains("ts7")).toList());
        assertTrue(g.channelOps.indexOf("close 10/7") > g.channelOps.indexOf("open 10/7"), "the late channel closed");
    }

    @Test
    void theForwardedPartyIsBridgedToTheCallerAndClearedWithTheCall() {
        CallFixture g = new CallFixture(forwardingMenu());
        CallFixture.Trunk caller = g.new Trunk(1, "13800000001", "95598");
        g.calls.onIncoming(caller);
        g.talk(Duration.ofSeconds(6), 1);
        g.press(1, "8");
        g.dialResult.complete(g.new Trunk(7, "", "13900000000"));
        g.scheduler.runPending();
        assertEquals(7, g.only().seatChannel().chan(), "the forwarded party's channel is the near side");
        assertNull(g.only().agent(), "no agent on a forwarded call");
        g.calls.onTrunkCleared(caller, Q850Cause.NORMAL_CLEARING);
        assertEquals(List.of("hangup ts7 16"), g.trunkActions.stream().filter(a -> a.contains("ts7")).toList());
        assertTrue(g.channelOps.contains("close 10/7"));
    }

    @Test
    void theStateTimerNeverActsInAStateItWasNotArmedIn() {
        ManualScheduler s = new ManualScheduler();
        Call call = new Call("c1", Call.Direction.IN, null, "inquiry", s.clock().instant());
        AtomicInteger fired = new AtomicInteger();
        call.on(CallEvent.TRUNK_ANSWERED, s.clock().instant());
        call.stateTimer(s, Duration.ofSeconds(10), fired::incrementAndGet);
        s.advance(Duration.ofSeconds(5));
        call.on(CallEvent.QUEUE_JOINED, s.clock().instant());
        s.advance(Duration.ofSeconds(30));
        assertEquals(0, fired.get(), "the transition cancelled it");
        call.stateTimer(s, Duration.ofSeconds(10), fired::incrementAndGet);
        call.stateTimer(s, Duration.ofSeconds(20), fired::incrementAndGet);
        s.advance(Duration.ofSeconds(15));
        assertEquals(0, fired.get(), "re-arming replaced the first");
        s.advance(Duration.ofSeconds(10));
        assertEquals(1, fired.get());
        call.stateTimer(s, Duration.ofSeconds(10), fired::incrementAndGet);
        call.on(CallEvent.QUEUE_JOINED, s.clock().instant()); // re-entering the state cancels it too
        s.advance(Duration.ofSeconds(30));
        assertEquals(1, fired.get());
    }

    @Test
    void aSupervisorLeavesWithTheAgentWhenTheCallerIsAskedForTheSurvey() {
        f.connectedCall(1, 1);
        f.calls.control().monitor(f.agent(3), f.agent(1), MonitorMode.LISTEN);
        f.scheduler.runPending();
        int mark = f.events.size();
        f.calls.onAnswerButton(1); // the agent hangs up: the caller hears the survey
        assertEquals(Call.State.SURVEY, f.only().state());
        assertNull(f.only().monitor(), "nobody left to monitor");
        assertTrue(f.channelOps.contains("close 32/0"), "the supervisor's headset closed: " + f.channelOps);
        assertTrue(f.eventsSince(mark).contains("call.monitor agent3"), f.eventsSince(mark).toString());
    }
}
