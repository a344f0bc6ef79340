package io.branchbox.firmware.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13, time: an NTP step of ±1 h while calls wait must not break the live queue figures.
 * The longest wait and the 20 s service level are durations: measured on monotonic time. Virtual
 * time ({@link ManualScheduler#stepWallClock} moves the wall clock only, as a real step does).
 */
@Tag("faults")
class ClockStepStatsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private long seq;

    @ParameterizedTest(name = "step {0} min")
    @ValueSource(ints = {60, -60})
    void aStepOfAnHourWhileACallWaitsChangesNeitherItsWaitNorTheServiceLevel(int stepMinutes) {
        ManualScheduler time = new ManualScheduler(Instant.parse("2026-12-07T02:00:00Z"), ZONE);
        LiveQueueStats live = new LiveQueueStats(ZONE, agent -> List.of("repair"),
                new WallClockSteps(time.clock(), time::monotonicNanos));
        live.accept(event(time, CallEventTypes.CALL_STARTED, "C1", null, null, Map.of("direction", "IN")));
        live.accept(event(time, CallEventTypes.CALL_QUEUED, "C1", null, "repair", Map.of()));
        time.advance(Duration.ofSeconds(5));

        time.stepWallClock(Duration.ofMinutes(stepMinutes));
        time.advance(Duration.ofSeconds(3));

        QueueNow waiting = live.snapshot(time.clock().instant()).get("repair");
        assertEquals(1, waiting.waiting());
        assertEquals(8_000, waiting.longestWaitMs(), "8 s of waiting, whatever the wall clock did");

        time.advance(Duration.ofSeconds(4));
        live.accept(event(time, CallEventTypes.CALL_CONNECTED, "C1", "a1", "repair", Map.of("seat", "1")));
        QueueNow answered = live.snapshot(time.clock().instant()).get("repair");
        assertEquals(1, answered.answered());
        assertEquals(1, answered.answeredWithin20s(), "answered after 12 s: within the service level");
        assertEquals(1, answered.offered(), "the day's counters are kept across the step");
    }

    private JournalEvent event(ManualScheduler time, String type, String callId, String agent, String queue,
            Map<String, String> attrs) {
        return new JournalEvent(++seq, time.clock().instant(), type, callId, agent, queue, attrs);
    }
}
