package io.branchbox.firmware.ivr;

import static org.junit.jupiter.api.Assertions.*;

import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The crew IVR dialogue in virtual time, over a desk that knows crew 31 (PIN 2468) and order 1001. */
class CrewSessionTest {
    private final ManualScheduler time = new ManualScheduler();
    private final List<String> played = new ArrayList<>();
    private final List<String> desk = new ArrayList<>();
    private Boolean toAgent;
    private CrewDesk.Result next = CrewDesk.Result.RECORDED;

    private final CrewSession s = new CrewSession(new CrewDesk() {
        @Override
        public boolean verify(String crew, String pin) {
            return crew.equals("31") && pin.equals("2468");
        }

        @Override
        public boolean exists(String order) {
            return order.equals("1001");
        }

        @Override
        public Result report(String crew, String order, Report report, String callId) {
            desk.add(crew + " " + order + " " + report + " " + callId);
            return next;
        }

        @Override
        public void failed(String callId, String callingNumber, String crew) {
            desk.add("failed " + callId + " " + callingNumber + " [" + crew + "]");
        }
    }, "c-7", "13900000001", time, new CrewSession.Port() {
        @Override
        public void play(String prompt, Runnable whenDone) {
            played.add(prompt);
            time.execute(whenDone);
        }

        @Override
        public void stopPrompt() {
            played.add("(stopped)");
        }

        @Override
        public void finish(boolean agent) {
            toAgent = agent;
        }
    });

    private void keys(String k) {
        time.runPending();
        for (char c : k.toCharArray()) {
            s.onKey(c);
            time.runPending();
        }
    }

    @Test
    void aCrewReportsArrivalWithPinOrderAndStageAndHearsItConfirmed() {
        s.start();
        keys("31*2468#");
        keys("1001#");
        keys("1");
        assertEquals(List.of("31 1001 ARRIVED c-7"), desk);
        assertEquals(List.of("crew-welcome", "crew-order", "crew-stage", "crew-arrived"), played);
        assertEquals(Boolean.FALSE, toAgent);
    }

    @Test
    void threeFailuresSendTheCallToAnAgentAndAreReported() {
        s.start();
        keys("31*1111#");
        keys("31*2468#");
        keys("999#");
        time.advance(CrewSession.INPUT_TIMEOUT); // silence is the third failure
        assertEquals(List.of("failed c-7 13900000001 [31]"), desk);
        assertEquals(List.of("crew-welcome", "crew-wrong-pin", "crew-welcome", "crew-order", "crew-unknown-order",
                "crew-order", "transfer-hold"), played);
        assertEquals(Boolean.TRUE, toAgent);
    }

    @Test
    void aStageTheOrderRefusesIsSaidAndAskedAgainWithoutRecordingAnything() {
        next = CrewDesk.Result.REFUSED;
        s.start();
        keys("31*2468#");
        keys("1001#");
        keys("2");
        assertEquals(List.of("crew-welcome", "crew-order", "crew-stage", "crew-refused", "crew-order"), played);
        assertNull(toAgent);
        time.advance(Duration.ofSeconds(9));
        next = CrewDesk.Result.RECORDED;
        keys("1001#");
        keys("2");
        assertEquals(Boolean.FALSE, toAgent);
        assertEquals("crew-completed", played.get(played.size() - 1));
    }

    @Test
    void aCrewKeysThroughThePromptsButHearsTheConfirmationWhole() {
        s.start();
        for (char c : "31*2468#1001#1".toCharArray()) {
            s.onKey(c);
        }
        s.onKey('2');
        time.runPending();
        assertEquals(List.of("31 1001 ARRIVED c-7"), desk);
        assertEquals(List.of("crew-welcome", "(stopped)", "crew-order", "(stopped)", "crew-stage", "(stopped)",
                "crew-arrived"), played);
        assertEquals(Boolean.FALSE, toAgent);
    }
}
