package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.ConsoleView;
import io.branchbox.firmware.console.EarlierCall;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ConsoleCommandsTest {
    private final CallFixture f = new CallFixture();
    private final List<String> asked = new java.util.ArrayList<>();
    private final ConsoleCommands console = new ConsoleCommands(f.calls, (number, limit) -> {
        asked.add(number);
        return List.of(new EarlierCall("c-old", Instant.parse("2026-11-01T02:00:00Z"), "IN", "agent2", "ANSWERED",
                "repair-order", "transformer hum", "Wang Li"));
    }, Runnable::run);

    private <T> T done(CompletableFuture<T> future) throws Exception {
        f.scheduler.runPending();
        return future.get();
    }

    private String failure(CompletableFuture<?> future) {
        f.scheduler.runPending();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, future::get);
        return ((ConsoleException) e.getCause()).code();
    }

    @Test
    void theScreenPopShowsTheCallerAndTheirEarlierCallsBeforeAnswering() throws Exception {
        f.calls.onIncoming(f.new Trunk(1, "13800138001", "95598"));
        f.talk(java.time.Duration.ofSeconds(6), 1);
        f.calls.onReadyButton(1);
        ConsoleView v = done(console.view("agent1"));
        assertEquals("OFFERED", v.call().state());
        assertEquals("13800138001", v.call().number());
        assertEquals("Wang Li", v.call().name(), "the name noted on an earlier call");
        assertEquals("transformer hum", v.call().history().get(0).notes());
        assertEquals(List.of("13800138001"), asked);
    }

    @Test
    void notReadyTakesOnlyConfiguredReasonsAndIsShownWithTheReason() throws Exception {
        assertEquals("bad-code", failure(console.notReady("agent1", "coffee-with-friends")));
        done(console.notReady("agent1", "meal"));
        ConsoleView v = done(console.view("agent1"));
        assertEquals("NOT_READY", v.state());
        assertEquals("meal", v.reasonCode());
        int i = f.events.lastIndexOf("agent.state agent1");
        assertEquals("meal", f.eventAttrs.get(i).get("reasonCode"));
    }

    @Test
    void aSeatTakenByAColleagueIsRefusedAndAFreeOneIsBound() throws Exception {
        assertEquals("seat-taken", failure(console.login("agent1", 2)));
        done(console.logout("agent3"));
        done(console.login("agent1", 3));
        assertEquals(3, done(console.view("agent1")).seat());
        assertEquals("agent1", f.calls.acd().agentAtSeat(3).orElseThrow().id());
    }

    @Test
    void theWrapUpCodeIsJournaledForTheAgentsLastCallOnly() throws Exception {
        f.connectedCall(1, 1);
        String callId = f.only().id();
        f.calls.onTrunkCleared(f.only().trunk(), Q850Cause.NORMAL_CLEARING);
        assertEquals("no-call", failure(console.wrapUp("agent2", callId, "answered", "", "")));
        assertEquals("bad-code", failure(console.wrapUp("agent1", callId, "no-such-code", "", "")));
        done(console.wrapUp("agent1", callId, "repair-order", "<b>x</b>", "Wang Li"));
        int i = f.events.indexOf("call.wrapup agent1");
        assertEquals("repair-order", f.eventAttrs.get(i).get("code"));
        assertEquals("<b>x</b>", f.eventAttrs.get(i).get("notes"));
        assertEquals(callId, done(console.view("agent1")).lastCallId());
    }

    @Test
    void actionsWithoutACallAreRefusedWithAReason() {
        assertEquals("no-call", failure(console.hold("agent1")));
        assertEquals("no-call", failure(console.answer("agent1")));
        assertEquals("no-such-agent", failure(console.ready("nobody")));
        assertTrue(f.calls.calls().isEmpty());
    }
}
