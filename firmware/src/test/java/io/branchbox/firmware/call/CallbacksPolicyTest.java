package io.branchbox.firmware.call;

import static io.branchbox.firmware.journal.CallEventTypes.ATTEMPT;
import static io.branchbox.firmware.journal.CallEventTypes.CALLBACK_DONE;
import static io.branchbox.firmware.journal.CallEventTypes.CALLBACK_REQUESTED;
import static io.branchbox.firmware.journal.CallEventTypes.OUTCOME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.console.ConsoleException;
import io.branchbox.firmware.console.Refusal;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Callbacks} alone, in virtual time, through a fake port that writes down what it is asked
 * (the line, the dials) and a journal that keeps the event types: no call manager, no ACD.
 */
class CallbacksPolicyTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> line = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final List<OutboundCalls.Outcome> dials = new ArrayList<>();
    private final List<String> journal = new ArrayList<>();
    private final List<Map<String, String>> attrs = new ArrayList<>();
    private BoxConfig.Console console = console(2, 60);
    private int ids;
    private final Agent agent = new Agent("agent1", "Agent 1", 1, List.of("inquiry"), now());

    private final Callbacks callbacks = new Callbacks(scheduler, new CallEventLog((type, callId, agentId, queue, a) -> {
        journal.add(type + (agentId == null ? "" : " " + agentId));
        attrs.add(a);
    }), new Callbacks.Port() {
        @Override
        public void enqueue(String acdId, String queue, int priority, Instant placeSince) {
            line.add(acdId + " " + queue + " p" + priority + " since " + placeSince.getEpochSecond() % 86400);
        }

        @Override
        public void withdraw(String acdId, Agent a) {
            asked.add("withdraw " + acdId + " " + a.id());
        }

        @Override
        public void dial(Agent a, String number, OutboundCalls.Outcome outcome) {
            asked.add("dial " + number + " from " + a.id());
            dials.add(outcome);
        }

        @Override
        public boolean queueExists(String queue) {
            return queue.equals("inquiry");
        }

        @Override
        public String nextId() {
            return "B" + (++ids);
        }

        @Override
        public BoxConfig.Console console() {
            return console;
        }
    });

    private static BoxConfig.Console console(int attempts, int retryS) {
        BoxConfig.Console c = ConfigDocuments.defaults().console();
        return new BoxConfig.Console(c.missedOffersToNotReady(), c.notReadyReasons(), c.wrapUpCodes(), attempts, retryS);
    }

    private Instant now() {
        return scheduler.clock().instant();
    }

    private long secondOfDay() {
        return now().getEpochSecond() % 86400;
    }

    private Call caller(String id, int priority, Instant placeSince) {
        Call call = new Call(id, Call.Direction.IN, new TestCaller("13800000001"), "inquiry", now());
        call.priority = priority;
        call.placeSince = placeSince;
        return call;
    }

    @Test
    void aCallersRequestKeepsTheirPlaceAndPriorityAndIsInLineAtOnce() {
        long queuedAt = secondOfDay();
        Call call = caller("C1", 3, now());
        scheduler.advance(Duration.ofSeconds(40));
        callbacks.book(call, "inquiry", now());
        assertEquals(List.of("cb-C1 inquiry p3 since " + queuedAt), line);
        assertEquals(List.of(CALLBACK_REQUESTED), journal);
        assertEquals(List.of("C1"), callbacks.pending());
    }

    @Test
    void aRequestFromTheIvrWaitsFromNow() {
        scheduler.advance(Duration.ofSeconds(15));
        callbacks.book(caller("C2", 0, null), "inquiry", now());
        assertEquals(List.of("cb-C2 inquiry p0 since " + secondOfDay()), line);
    }

    @Test
    void aNightRequestJoinsTheLineOnlyWhenTheBoxOpens() {
        callbacks.book(caller("C3", 0, null), "inquiry", now().plus(Duration.ofHours(9)));
        scheduler.advance(Duration.ofHours(9).minusSeconds(1));
        assertEquals(List.of(), line, "not before the opening");
        assertEquals(1, callbacks.views().size(), "but on the list");
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(1, line.size());
    }

    @Test
    void aBadNumberOrQueueIsRefusedAndNothingIsBookedOrJournaled() {
        assertEquals(Refusal.BAD_NUMBER, assertThrows(ConsoleException.class,
                () -> callbacks.bookNumber(agent, "12", "inquiry")).reason());
        assertEquals(Refusal.BAD_NUMBER, assertThrows(ConsoleException.class,
                () -> callbacks.bookNumber(agent, "1380000000x", "inquiry")).reason());
        assertEquals(Refusal.NO_SUCH_QUEUE, assertThrows(ConsoleException.class,
                () -> callbacks.bookNumber(agent, "13800000001", "sales")).reason());
        assertTrue(line.isEmpty() && journal.isEmpty() && callbacks.pending().isEmpty());
        callbacks.bookNumber(agent, "13800000001", "inquiry");
        assertEquals(List.of("B1"), callbacks.pending(), "an agent's request is named by a new call id");
        assertEquals(List.of(CALLBACK_REQUESTED + " agent1"), journal, "booked by the agent");
        assertEquals(List.of("cb-B1 inquiry p0 since " + secondOfDay()), line);
    }

    @Test
    void itsTurnDialsTheCallerFromTheMatchedAgentAndAnAnswerClosesIt() {
        callbacks.bookNumber(agent, "13800000001", "inquiry");
        callbacks.offered("cb-B1", agent);
        assertEquals(List.of("withdraw cb-B1 agent1", "dial 13800000001 from agent1"), asked);
        dials.get(0).answered(caller("OUT1", 0, null));
        assertEquals(List.of(CALLBACK_REQUESTED + " agent1", CALLBACK_DONE), journal);
        assertEquals("REACHED", attrs.get(1).get(OUTCOME));
        assertTrue(callbacks.pending().isEmpty());
    }

    @Test
    void aFailedDialIsRetriedLaterInTheSamePlaceAndGivenUpAfterTheLastAttempt() {
        console = console(2, 60);
        callbacks.bookNumber(agent, "13800000001", "inquiry");
        String place = line.get(0);
        callbacks.offered("cb-B1", agent);
        dials.get(0).failed(caller("OUT1", 0, null), "busy");
        assertEquals(1, line.size(), "not back in line at once");
        assertEquals(1, callbacks.views().get(0).attempts());
        scheduler.advance(Duration.ofSeconds(59));
        assertEquals(1, line.size());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of(place, place), line, "back in line where it was");

        callbacks.offered("cb-B1", agent);
        dials.get(1).failed(caller("OUT2", 0, null), "no answer");
        assertEquals(CALLBACK_DONE, journal.getLast());
        assertEquals("FAILED", attrs.getLast().get(OUTCOME));
        assertEquals("2", attrs.getLast().get(ATTEMPT));
        scheduler.advance(Duration.ofHours(1));
        assertEquals(2, line.size(), "never again");
    }

    @Test
    void aRequestDoneMeanwhileIsOnlyTakenOutOfTheLine() {
        callbacks.offered("cb-NOPE", agent);
        assertEquals(List.of("withdraw cb-NOPE agent1"), asked, "no dial for a request that is not open");
    }

    @Test
    void theRetryDecisionCountsTheAttempts() {
        assertEquals(new Callbacks.AfterFailure.Retry(Duration.ofSeconds(300)), Callbacks.afterFailedAttempt(1, console(3, 300)));
        assertEquals(new Callbacks.AfterFailure.Retry(Duration.ofSeconds(300)), Callbacks.afterFailedAttempt(2, console(3, 300)));
        assertEquals(new Callbacks.AfterFailure.GiveUp(), Callbacks.afterFailedAttempt(3, console(3, 300)));
        assertEquals(new Callbacks.AfterFailure.GiveUp(), Callbacks.afterFailedAttempt(1, console(1, 300)));
    }
}
