package io.branchbox.rig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProbeTimeTest {
    @Test
    void aShortSpanIsCountedAndOneWithThePreemptedThreadInsideIsLeftOut() {
        // a loaded machine may preempt the test thread inside a span too: one counted span of ten is enough
        long counted = 0;
        for (int i = 0; i < 10 && counted == 0; i++) {
            counted = ProbeTime.span(System.nanoTime() - 200_000);
        }
        assertTrue(counted >= 200_000 && counted <= ProbeTime.PREEMPTED_NANOS, "a 0.2 ms span counts: " + counted);
        assertEquals(0, ProbeTime.span(System.nanoTime() - 2 * ProbeTime.PREEMPTED_NANOS),
                "a span over the limit had the thread off its core: not the probe's work");
    }
}
