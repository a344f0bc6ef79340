package io.branchbox.rig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankPicksTheSmallestSampleCoveringTheQuantile() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1; // 1..100
        }
        assertEquals(50, Percentiles.nearestRank(sorted, 0.50));
        assertEquals(99, Percentiles.nearestRank(sorted, 0.99));
        assertEquals(100, Percentiles.nearestRank(sorted, 0.999), "p99.9 of 100 samples is the maximum");
        assertEquals(100, Percentiles.nearestRank(sorted, 1.0));
    }

    @Test
    void aSingleSampleIsEveryPercentileAndNoSamplesGiveZero() {
        assertEquals(7, Percentiles.nearestRank(new long[] {7}, 0.01));
        assertEquals(7, Percentiles.nearestRank(new long[] {7}, 0.99));
        assertEquals(0, Percentiles.nearestRank(new long[0], 0.5));
    }

    @Test
    void aQuantileOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new long[] {1}, 1.5));
    }

    @Test
    void summaryUsesOnlyTheFirstNSamplesUnsortedAndLeavesThemAlone() {
        long[] nanos = {3_000_000, 1_000_000, 2_000_000, 99_000_000};
        Percentiles.Summary s = Percentiles.summarize(nanos, 3);
        assertEquals(3, s.count());
        assertEquals(2.0, s.p50Ms(), 1e-9);
        assertEquals(3.0, s.maxMs(), 1e-9, "the fourth sample is not part of the summary");
        assertEquals(3_000_000, nanos[0], "input order untouched");
    }
}
