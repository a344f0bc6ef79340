package io.branchbox.firmware.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge cases of when parts end and what a call counts as. */
class CallTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private final List<AgentPart> parts = new ArrayList<>();
    private final List<CallOutcome> ended = new ArrayList<>();
    private final List<Integer> lateRatings = new ArrayList<>();
    private final CallTracker tracker = new CallTracker(new CallTracker.Listener() {
        @Override
        public void partEnded(AgentPart p) {
            parts.add(p);
        }

        @Override
        public void callEnded(CallOutcome c) {
            ended.add(c);
        }

        @Override
        public void lateSurvey(String callId, int rating) {
            lateRatings.add(rating);
        }
    });

    private void ev(int s, String type, String call, String agent, String queue, Map<String, String> attrs) {
        tracker.accept(JournalEvent.of(T0.plusSeconds(s), type, call, agent, queue, attrs));
    }

    @Test
    void surveyTimeAfterTheAgentLeftIsNotHandleTimeAndALateRatingIsReported() {
        ev(0, "call.started", "c1", null, null, Map.of("direction", "IN"));
        ev(2, "call.queued", "c1", null, "repair", Map.of());
        ev(5, "call.connected", "c1", "a1", "repair", Map.of());
        ev(65, "call.held", "c1", "a1", "repair", Map.of());
        // the agent hangs up while the caller is on hold: hold 65..70 ends with the part
        ev(70, "agent.state", "c1", "a1", null, Map.of("state", "WRAP_UP"));
        ev(90, "call.ended", "c1", null, "repair", Map.of());
        ev(95, "call.survey", "c1", null, "repair", Map.of("rating", "3"));
        ev(96, "call.survey", "c1", null, "repair", Map.of("rating", "9"));

        assertEquals(List.of(new AgentPart("c1", "a1", "repair", true, T0.plusSeconds(5), T0.plusSeconds(70), 1, 5_000)),
                parts);
        assertEquals(65_000, ended.get(0).handleMs());
        assertEquals(List.of(3), lateRatings, "a rating outside 1..3 is not counted");
        assertTrue(tracker.open().isEmpty(), "late events do not reopen the call");
    }

    @Test
    void outboundCallsAreNotOfferedAndWrapUpAfterTheEndOpensNothing() {
        ev(0, "call.started", "o1", null, null, Map.of("direction", "OUT"));
        ev(0, "call.queued", "o1", null, "repair", Map.of());
        ev(1, "call.connected", "o1", "a2", "repair", Map.of());
        ev(30, "call.ended", "o1", "a2", "repair", Map.of());
        ev(40, "call.wrapup", "o1", "a2", "repair", Map.of("code", "SOLD"));
        ev(41, "recording.finished", "o1", null, null, Map.of());

        CallOutcome o = ended.get(0);
        assertEquals(false, o.offered());
        assertEquals(false, o.abandoned());
        assertEquals(false, o.ivrOnly());
        assertEquals(29_000, o.handleMs());
        assertTrue(tracker.open().isEmpty());
    }

    @Test
    void anAgentConnectedToASecondCallLeavesTheFirstAndOverflowKeepsTheWait() {
        ev(0, "call.queued", "c1", null, "repair", Map.of());
        ev(1, "call.connected", "c1", "a1", "repair", Map.of());
        ev(10, "call.queued", "c2", null, "repair", Map.of());
        ev(40, "call.overflow", "c2", null, "inquiry", Map.of("from", "repair"));
        CallTracker.OpenCall waiting = tracker.open().stream().filter(c -> c.callId.equals("c2")).findFirst().orElseThrow();
        assertEquals("inquiry", waiting.waitingQueue);
        assertEquals(T0.plusSeconds(10), waiting.waitingSince);

        ev(50, "call.connected", "c2", "a1", "inquiry", Map.of());
        assertEquals(1, parts.size(), "a1 cannot talk to c1 and c2 at once");
        assertEquals(49_000, parts.get(0).handleMs());
        ev(60, "call.ended", "c2", null, "inquiry", Map.of());
        assertEquals("repair", ended.get(0).firstQueue(), "counted in the queue it first entered");
        assertEquals(40_000, ended.get(0).speedOfAnswerMs());
    }
}
