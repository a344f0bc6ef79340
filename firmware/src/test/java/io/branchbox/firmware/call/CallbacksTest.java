package io.branchbox.firmware.call;

import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Callback requests on their own, in virtual time: restore from the journal, retries, giving up. */
class CallbacksTest {

    private static CallFixture fixture(int attempts, int retryS) {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Console c = d.console();
        return new CallFixture(d.withConsole(new BoxConfig.Console(c.missedOffersToNotReady(), c.notReadyReasons(),
                c.wrapUpCodes(), attempts, retryS)));
    }

    @Test
    void theRequestsStillOpenInTheJournalAreRestoredAndTheDoneOnesAreNot() {
        CallFixture f = fixture(3, 60);
        Instant t = Instant.parse("2026-12-01T02:00:00Z");
        List<JournalEvent> journal = List.of(
                JournalEvent.of(t, CALLBACK_REQUESTED, "c1", null, "inquiry",
                        Map.of(NUMBER, "13800000001", PRIORITY, "2", PLACE_SINCE, t.toString())),
                JournalEvent.of(t, CALLBACK_REQUESTED, "c2", null, "inquiry",
                        Map.of(NUMBER, "13800000002", PRIORITY, "", PLACE_SINCE, t.toString())),
                JournalEvent.of(t.plusSeconds(60), CALLBACK_DONE, "c9", "agent1", "inquiry",
                        Map.of(REQUEST, "c2", OUTCOME, "REACHED", ATTEMPT, "1")));
        assertEquals(1, f.calls.callbacks().restore(journal.stream().map(CallEventCodec::decode).toList()));
        assertEquals(List.of("c1"), f.calls.callbacks().pending());
        assertEquals(2, f.calls.callbacks().views().get(0).priority());
        assertEquals(List.of(Callbacks.PREFIX + "c1"), f.calls.acd().waiting("inquiry"), "back in line at once");
    }

    @Test
    void aCallbackNotReachedIsRetriedApartAndGivenUpAfterTheLastAttempt() {
        CallFixture f = fixture(2, 60);
        f.dialResult = CompletableFuture.failedFuture(new IllegalStateException("busy"));
        f.calls.callbacks().bookNumber(f.agent(1), "13800000001", "inquiry");
        f.calls.onReadyButton(1);
        f.scheduler.runPending();
        assertEquals(List.of("13800000001"), f.dialled, "dialled at once from the ready agent's seat");
        assertEquals(AgentState.READY, f.agent(1).state(), "the agent is back when the dial failed");
        assertEquals(1, f.calls.callbacks().views().get(0).attempts());

        f.scheduler.advance(Duration.ofSeconds(59));
        assertEquals(1, f.dialled.size(), "not before the retry interval");
        f.scheduler.advance(Duration.ofSeconds(2));
        assertEquals(2, f.dialled.size());
        int done = f.events.indexOf(CALLBACK_DONE);
        assertTrue(done >= 0, f.events.toString());
        assertEquals("FAILED", f.eventAttrs.get(done).get(OUTCOME));
        assertEquals("2", f.eventAttrs.get(done).get(ATTEMPT));
        assertTrue(f.calls.callbacks().pending().isEmpty());
        f.scheduler.advance(Duration.ofMinutes(10));
        assertEquals(2, f.dialled.size(), "never again");
    }
}
