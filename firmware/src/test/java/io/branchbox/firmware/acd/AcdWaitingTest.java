package io.branchbox.firmware.acd;

import static io.branchbox.firmware.acd.AcdFixture.limited;
import static io.branchbox.firmware.acd.AcdFixture.queue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcdWaitingTest {
    private final AcdFixture f = new AcdFixture(queue("inquiry", Strategy.LONGEST_IDLE), queue("repair", Strategy.LONGEST_IDLE),
            limited("short", 2));

    @Test
    void higherPriorityFirstThenEarlierWaitThenArrival() {
        Instant t = f.t0;
        f.acd.enqueue("late", "inquiry", 0, t.plusSeconds(20));
        f.acd.enqueue("early", "inquiry", 0, t.plusSeconds(10));
        f.acd.enqueue("vip", "inquiry", 7, t.plusSeconds(30));
        f.acd.enqueue("twin1", "inquiry", 0, t.plusSeconds(15));
        f.acd.enqueue("twin2", "inquiry", 0, t.plusSeconds(15));
        assertEquals(List.of("vip", "early", "twin1", "twin2", "late"), f.acd.waiting("inquiry"));
        assertEquals(3, f.acd.position("twin1"));
        assertEquals(0, f.acd.position("nobody"));
        assertThrows(IllegalArgumentException.class, () -> f.acd.enqueue("x", "inquiry", 10, t));
        assertThrows(IllegalArgumentException.class, () -> f.acd.enqueue("x", "nowhere"));
    }

    @Test
    void aMissedOfferPutsTheCallBackInItsPlaceWithItsPriority() {
        f.acd.enqueue("first", "inquiry", 2, f.t0);
        f.advance(10);
        f.acd.enqueue("second", "inquiry");
        Agent a = f.ready(f.agent("a", "inquiry"));
        f.dispatch();
        assertEquals(List.of("first>a"), f.offers);
        assertEquals(0, f.acd.position("first"), "ringing, not in line");
        f.advance(12);
        f.acd.enqueue("third", "inquiry", 2, f.time.clock().instant());
        f.acd.release(a);
        f.acd.setState(a, AgentState.NOT_READY);
        Waiting back = f.acd.requeueFirst("first", "inquiry");
        assertEquals(new Waiting("first", "inquiry", 2, f.t0), back);
        assertEquals(List.of("first", "third", "second"), f.acd.waiting("inquiry"));
    }

    @Test
    void overflowToAnotherQueueKeepsTheWaitEvenWhenRemovedFirst() {
        f.acd.enqueue("old", "inquiry", 1, f.t0);
        f.advance(30);
        f.acd.enqueue("waiting", "repair");
        Optional<Waiting> removed = f.acd.remove("old");
        assertEquals(Optional.of(new Waiting("old", "inquiry", 1, f.t0)), removed);
        assertTrue(f.acd.waiting("inquiry").isEmpty());
        f.acd.requeueFirst("old", "repair");
        assertEquals(List.of("old", "waiting"), f.acd.waiting("repair"));
        assertEquals(new Waiting("old", "repair", 1, f.t0), f.acd.line("repair").get(0));
    }

    @Test
    void requeueOfACallInLineMovesItAndAnUnknownCallStartsANewWait() {
        f.acd.enqueue("a", "inquiry", 0, f.t0);
        f.advance(5);
        f.acd.requeueFirst("a", "repair");
        assertEquals(List.of(), f.acd.waiting("inquiry"));
        assertEquals(Optional.of(new Waiting("a", "repair", 0, f.t0)), f.acd.entry("a"));
        f.acd.requeueFirst("stranger", "repair");
        assertEquals(new Waiting("stranger", "repair", 0, f.t0.plusSeconds(5)), f.acd.entry("stranger").orElseThrow());
        assertEquals(List.of("a", "stranger"), f.acd.waiting("repair"));
    }

    @Test
    void removeForgetsACallInLineOrRinging() {
        f.acd.enqueue("a", "inquiry");
        f.acd.enqueue("b", "inquiry");
        f.ready(f.agent("x", "inquiry"));
        f.dispatch();
        assertTrue(f.acd.entry("a").isPresent(), "a ringing call is still known");
        f.acd.remove("a");
        f.acd.remove("b");
        assertTrue(f.acd.entry("a").isEmpty());
        assertTrue(f.acd.waiting("inquiry").isEmpty());
        assertEquals(Optional.empty(), f.acd.remove("never"));
    }

    @Test
    void aQueueIsFullAtItsMaximumLengthAndOneWithoutLimitNever() {
        assertFalse(f.acd.isFull("short"));
        f.acd.enqueue("a", "short");
        assertFalse(f.acd.isFull("short"));
        f.acd.enqueue("b", "short");
        assertTrue(f.acd.isFull("short"));
        f.acd.remove("a");
        assertFalse(f.acd.isFull("short"));
        for (int i = 0; i < 50; i++) {
            f.acd.enqueue("c" + i, "inquiry");
        }
        assertFalse(f.acd.isFull("inquiry"));
    }

    @Test
    void expectedWaitIsPositionTimesAverageHandleTimeOverLoggedInAgents() {
        f.acd.enqueue("a", "inquiry");
        f.acd.enqueue("b", "inquiry");
        f.acd.enqueue("c", "inquiry");
        assertEquals(Duration.ofSeconds(3 * 180), f.acd.expectedWait("c"), "no agent logged in counts as one");
        f.agent("x", "inquiry");
        Agent y = f.agent("y", "inquiry");
        Agent gone = f.agent("gone", "inquiry");
        f.agent("other", "repair");
        assertTrue(f.acd.logout(gone));
        assertEquals(Duration.ofSeconds(3 * 180 / 2), f.acd.expectedWait("c"), "x and y serve the queue");
        f.acd.recordHandleTime("inquiry", Duration.ofSeconds(100));
        assertEquals(Duration.ofSeconds(100), f.acd.averageHandleTime("inquiry"), "the first call replaces the default");
        f.acd.recordHandleTime("inquiry", Duration.ofSeconds(200));
        assertEquals(Duration.ofSeconds(120), f.acd.averageHandleTime("inquiry"), "100 + 0.2 x (200 - 100)");
        f.acd.recordHandleTime("inquiry", Duration.ofSeconds(-5));
        assertEquals(Duration.ofSeconds(120), f.acd.averageHandleTime("inquiry"), "an impossible sample is ignored");
        assertEquals(Duration.ofSeconds(180), f.acd.averageHandleTime("repair"));
        assertEquals(Duration.ofSeconds(2 * 120 / 2), f.acd.expectedWait("b"));
        f.acd.setNotReady(y, "lunch");
        assertEquals(Duration.ofSeconds(2 * 120 / 2), f.acd.expectedWait("b"), "a not-ready agent still counts");
        assertEquals(Duration.ZERO, f.acd.expectedWait("nobody"));
    }
}
