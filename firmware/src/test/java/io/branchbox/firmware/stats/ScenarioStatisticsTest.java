package io.branchbox.firmware.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.journal.JournalEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The statistics of {@code stats/scenario-1.trace} equal figures worked out by hand. Times are
 * minutes:seconds after 08:00 local.
 *
 * <pre>
 * call  queue    queued answered ASA  handle (talk + hold per agent part)         end        survey
 * C1    repair   00:15  00:20     5   a1 00:20-01:50 = 90                        answered   1
 * C2    repair   00:32  00:55    23   a2 00:55-02:25 = 90 (hold 01:10-01:40 = 30) answered   2
 * C3    repair   01:05  -         -   -                                           abandoned after 30
 * C4    inquiry  02:02  -         -   (rang at a3 02:04)                          abandoned after 8
 * C5    -        -      -         -   IVR only, not offered
 * C6    repair   03:03  03:25    22   a2 03:25-05:25 = 120 (a1 missed the offer)  answered   -
 * C7    repair   04:02  04:06     4   a3 04:06-05:06 = 60, blind to inquiry,      answered   -
 *                                     hung up there: still answered
 * C8    inquiry  06:01  06:05     4   a1 06:05-07:06 = 61 (hold 06:35-07:06 = 31, answered   3
 *                                     consult inside it) + a3 07:06-08:05 = 59
 * C9    repair   09:02  -         -   voicemail at 10:02                          flowed out
 * C10   repair   11:02  -         -   callback booked at 11:32                    flowed out
 * C11   -        outbound callback by a2 12:00-13:05 = 65, not offered
 * C12   -        night service, not offered
 * C13   repair   15:05  15:25    20   a1 15:25-16:25 = 60                         answered   -
 * </pre>
 *
 * Offered 10 (C1 C2 C3 C4 C6 C7 C8 C9 C10 C13) = answered 6 + abandoned 2 + flowed out 2.
 * Within 20 s: C1 5, C7 4, C8 4, C13 20 = 4; service level 4 / 10 = 40 %.
 * ASA (5 + 23 + 22 + 4 + 4 + 20) / 6 = 78 / 6 = 13 s.
 * AHT (talk + hold) (90 + 90 + 120 + 60 + 120 + 60) / 6 = 540 / 6 = 90 s.
 * Ringing to answer within 3 s: C1 4, C2 15, C6 5 (last offer 03:20), C7 3, C8 3, C13 3 = 3.
 * Line to agent: C1 10, C2 25, C6 25, C7 6, C8 5, C13 25 = 96 / 6 = 16 s; within 8 s: C7, C8 = 2.
 * Time to abandon (30 + 8) / 2 = 19 s. Missed offers 1 (C6 at a1).
 * Survey: rated 3 (C1 1, C2 2, C8 3), satisfied 1, neutral 1, dissatisfied 1; C6 C7 C13 unrated.
 * Holds 2 (C2, C8), hold time 30 + 31 = 61 s. Transfers 2 (C7 blind, C8 attended).
 * Wrap-up: a1 01:50-02:10 20, 07:06-07:16 10, 16:25-16:30 5; a2 02:25-02:40 15, 05:25-05:35 10,
 * 13:05-13:15 10; a3 05:06-05:16 10, 08:05-08:25 20: 8 wrap-ups, 100 s, average 12.5 s;
 * AHT with wrap-up 90 + 12.5 = 102.5 s.
 * Not ready: missed-offers a1 03:19-03:49 30; lunch a2 09:00-11:50 170 + a3 12:00-12:30 30 = 200;
 * training a3 09:00-10:00 60.
 * Voicemails 1, callbacks requested 1, reached 1, IVR only 1 (C5), night service 1 (C12).
 */
class ScenarioStatisticsTest {
    private static final List<JournalEvent> TRACE = ScenarioTrace.load("/stats/scenario-1.trace");

    @Test
    void intervalFiguresEqualTheHandComputedOnes() {
        CallStatistics stats = new CallStatistics();
        TRACE.forEach(stats::accept);
        ServiceFigures f = stats.takeAndReset();

        assertEquals(10, f.offered());
        assertEquals(6, f.answered());
        assertEquals(2, f.abandoned());
        assertEquals(4, f.answeredWithin20s());
        assertEquals(40.0, f.serviceLevelPercent());
        assertEquals(13_000, f.asaMs());
        assertEquals(90_000, f.ahtMs());
        assertEquals(102_500, f.ahtWithWrapUpMs());
        assertEquals(3, f.answeredWithin3s());
        assertEquals(2, f.responseWithin8s());
        assertEquals(16_000, f.avgResponseMs());
        assertEquals(19_000, f.avgAbandonMs());
        assertEquals(1, f.missedOffers());
        assertEquals(3, f.rated());
        assertEquals(1, f.satisfied());
        assertEquals(new HandlingFigures(2, 1, 1, 1, 1, 2, 61_000, 2, 8, 12_500, 1, 1, 1,
                Map.of("missed-offers", 30_000L, "lunch", 200_000L, "training", 60_000L)), f.handling());

        Map<String, Object> m = f.toMap();
        assertEquals(60.0, m.get("manualAnswerRatePercent"));
        assertEquals(50.0, m.get("surveySamplingRatePercent"));
        assertEquals(33.3, m.get("satisfactionPercent"));
        assertEquals(102_500L, m.get("ahtWithWrapUpMs"));
        assertEquals(Map.of("lunch", 200_000L, "missed-offers", 30_000L, "training", 60_000L), m.get("notReadyMs"));
    }

    @Test
    void splittingTheTraceIntoIntervalsCountsEveryCallOnce() {
        CallStatistics stats = new CallStatistics();
        int offered = 0;
        int answered = 0;
        for (int i = 0; i < TRACE.size(); i++) {
            stats.accept(TRACE.get(i));
            if (i % 7 == 6) {
                ServiceFigures part = stats.takeAndReset();
                offered += part.offered();
                answered += part.answered();
            }
        }
        ServiceFigures last = stats.takeAndReset();
        assertEquals(10, offered + last.offered());
        assertEquals(6, answered + last.answered());
    }

    /**
     * Per agent (whole morning, everyone logged in 08:00-08:17 = 1020 s):
     * a1: C1 90 + C8 61 (hold 31) + C13 60: 3 calls, talk 180, hold 31; wrap-up 3 / 35 s; not ready
     *     missed-offers 30; 1 missed offer.
     * a2: C2 90 (hold 30) + C6 120 + C11 65: 3 calls, talk 245, hold 30; wrap-up 3 / 35 s; lunch 170.
     * a3: C7 60 + C8 59: 2 calls, talk 119; wrap-up 2 / 30 s; training 60, lunch 30.
     */
    @Test
    void agentFiguresEqualTheHandComputedOnes() {
        AgentStatistics agents = new AgentStatistics(ScenarioTrace.DAY.atStartOfDay(ScenarioTrace.ZONE).toInstant());
        TRACE.forEach(agents::accept);
        Map<String, AgentFigures> f = agents.figures(ScenarioTrace.at("08:30:00"));

        assertEquals(new AgentFigures("a1", 3, 180_000, 31_000, 1, 3, 35_000, Map.of("missed-offers", 30_000L), 1,
                1_020_000), f.get("a1"));
        assertEquals(new AgentFigures("a2", 3, 245_000, 30_000, 1, 3, 35_000, Map.of("lunch", 170_000L), 0,
                1_020_000), f.get("a2"));
        assertEquals(new AgentFigures("a3", 2, 119_000, 0, 0, 2, 30_000, Map.of("training", 60_000L, "lunch", 30_000L),
                0, 1_020_000), f.get("a3"));
        assertEquals(3, f.size());
    }

    /** Agent figures from 08:09:30 on: a2's lunch is cut there and still running at 08:10:30. */
    @Test
    void agentFiguresAreCutAtTheStartOfTheWindowAndRunUpToNow() {
        AgentStatistics agents = new AgentStatistics(ScenarioTrace.at("08:09:30"));
        TRACE.stream().filter(e -> !e.at().isAfter(ScenarioTrace.at("08:10:30"))).forEach(agents::accept);
        Map<String, AgentFigures> f = agents.figures(ScenarioTrace.at("08:10:30"));
        // a2: lunch 09:30..10:30 = 60 s; a3: training 09:30..10:00 = 30 s, then ready 30 s
        assertEquals(Map.of("lunch", 60_000L), f.get("a2").notReadyMs());
        assertEquals(Map.of("training", 30_000L), f.get("a3").notReadyMs());
        assertEquals(60_000, f.get("a3").loggedInMs());
        assertEquals(0, f.get("a1").callsAnswered());
    }
}
