package io.branchbox.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {

    @Test
    void runsTasksInDueOrderWithTheClockAtTheirDueTime() {
        ManualScheduler s = new ManualScheduler();
        List<String> ran = new ArrayList<>();
        long start = s.nowMillis();
        s.schedule(Duration.ofMillis(300), () -> ran.add("b@" + (s.nowMillis() - start)));
        s.schedule(Duration.ofMillis(100), () -> ran.add("a@" + (s.nowMillis() - start)));
        s.advance(Duration.ofMillis(250));
        assertEquals(List.of("a@100"), ran);
        s.advance(Duration.ofMillis(100));
        assertEquals(List.of("a@100", "b@300"), ran);
        assertEquals(350, s.nowMillis() - start);
    }

    @Test
    void periodicTaskRepeatsUntilCancelled() {
        ManualScheduler s = new ManualScheduler();
        int[] count = {0};
        Scheduler.Timer t = s.scheduleAtFixedRate(Duration.ZERO, Duration.ofSeconds(1), () -> count[0]++);
        s.advance(Duration.ofMillis(3500));
        assertEquals(4, count[0]);
        t.cancel();
        assertFalse(t.isPending());
        s.advance(Duration.ofSeconds(10));
        assertEquals(4, count[0]);
    }

    @Test
    void cancelledOneShotNeverRuns() {
        ManualScheduler s = new ManualScheduler();
        boolean[] ran = {false};
        s.schedule(Duration.ofSeconds(1), () -> ran[0] = true).cancel();
        s.advance(Duration.ofSeconds(2));
        assertFalse(ran[0]);
    }
}
