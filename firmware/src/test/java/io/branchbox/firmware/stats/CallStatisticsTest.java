package io.branchbox.firmware.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scripted morning with figures worked out by hand:
 *
 * <pre>
 *   call A: line 0 s, queued 5 s, offered 6 s, agent 8 s (ASA 3 s, response 8 s, 2 s ringing), ends 68 s
 *   call B: line 10 s, queued 15 s, offered 16 s, missed 28 s, offered 29 s, agent 45 s (ASA 30 s,
 *           response 35 s, 16 s ringing), ends 105 s
 *   call C: line 20 s, queued 25 s, hangs up 37 s (abandon after 12 s)
 *   call D: line 30 s, hangs up in the greeting 33 s (never asked for an agent)
 *   call E: line 40 s, queued 45 s, still waiting at the end of the interval
 * </pre>
 *
 * offered 3 (A B C), answered 2, abandoned 1, within 20 s 1 (A), service level 33.3 %, manual
 * answer rate 66.7 %, within 3 s of ringing 1 (A), within 8 s of the line 1 (A), missed offers 1,
 * ASA (3 + 30) / 2 = 16.5 s, AHT (60 + 60) / 2 = 60 s, time to abandon 12 s, response (8 + 35) / 2
 * = 21.5 s; B was rated 2 "neutral": 1 rating, 0 satisfied, 1 neutral, sampling 50 %, satisfaction
 * 0 %; D ended in the IVR: 1 IVR-only call.
 */
class CallStatisticsTest {
    private static final Instant T0 = Instant.parse("2026-11-23T08:30:00Z");
    private final CallStatistics stats = new CallStatistics();

    private void at(int s, String type, String call) {
        stats.accept(JournalEvent.of(T0.plusSeconds(s), type, call, null, "repair", Map.of()));
    }

    @Test
    void figuresOfAScriptedMorningEqualTheHandComputedOnes() {
        at(0, "call.started", "A");
        at(5, "call.queued", "A");
        at(6, "call.offered", "A");
        at(8, "call.connected", "A");
        at(10, "call.started", "B");
        at(15, "call.queued", "B");
        at(16, "call.offered", "B");
        at(20, "call.started", "C");
        at(25, "call.queued", "C");
        at(28, "call.offer_missed", "B");
        at(28, "call.queued", "B");
        at(29, "call.offered", "B");
        at(30, "call.started", "D");
        at(33, "call.ended", "D");
        at(37, "call.ended", "C");
        at(40, "call.started", "E");
        at(45, "call.connected", "B");
        at(45, "call.queued", "E");
        at(68, "call.ended", "A");
        stats.accept(JournalEvent.of(T0.plusSeconds(104), "call.survey", "B", "agent2", "repair", Map.of("rating", "2")));
        at(105, "call.ended", "B");

        ServiceFigures f = stats.takeAndReset();
        assertEquals(new ServiceFigures(3, 2, 1, 1, 1, 1, 1, 16_500, 60_000, 12_000, 21_500, 1, 0,
                new HandlingFigures(0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of())), f);
        assertEquals(33.3, f.toMap().get("serviceLevelPercent"));
        assertEquals(66.7, f.toMap().get("manualAnswerRatePercent"));

        // E carries over into the next interval and is counted there, once
        at(200, "call.ended", "E");
        ServiceFigures next = stats.takeAndReset();
        assertEquals(1, next.offered());
        assertEquals(1, next.abandoned());
        assertEquals(155_000, next.avgAbandonMs());
    }

    @Test
    void refusedSetupsAndCallsFailedBeforeTheAnswerAreOfferedAndLost() {
        stats.accept(JournalEvent.of(T0, "call.refused", null, null, null, Map.of("cause", "44", "trunk", "span0/ts3")));
        stats.accept(JournalEvent.of(T0.plusSeconds(1), "call.refused", null, null, null, Map.of("cause", "96", "trunk", "span0")));
        at(2, "call.started", "F");
        stats.accept(JournalEvent.of(T0.plusSeconds(3), "call.ended", "F", null, null, Map.of("cause", "41")));
        at(4, "call.started", "G");
        at(5, "call.answered", "G");
        stats.accept(JournalEvent.of(T0.plusSeconds(9), "call.ended", "G", null, null, Map.of("cause", "16")));
        ServiceFigures f = stats.takeAndReset();
        assertEquals(3, f.offered(), "two refused, one failed; G ended in the IVR");
        assertEquals(0, f.answered());
        assertEquals(new LostAttempts(2, 1, Map.of(41, 1, 44, 1, 96, 1)), f.lost());
        assertEquals(1, f.handling().ivrOnly());
        assertEquals(Map.of("41", 1, "44", 1, "96", 1), f.toMap().get("lostByCause"));
        assertEquals(0, stats.takeAndReset().lost().total(), "counted once, in its interval");
    }
}
