package io.branchbox.rig.bench;

/**
 * A fixed-size latency histogram for benchmarks that run inside the measured process, where
 * keeping every sample (as {@link Percentiles} does) would add megabytes to the resident size being
 * measured: 1 µs buckets up to 10 ms, 100 µs buckets up to 1 s, beyond that one bucket; the maximum
 * is kept exactly. About 160 KB whatever the run's length.
 *
 * <p>Not thread-safe: one thread records; read after that thread has stopped (or has published
 * through a volatile write, as the callers' {@code measuring} flags do).
 */
final class LatencyHistogram {
    private static final int FINE = 10_000;          // 1 µs each: 0..10 ms
    private static final int COARSE = 10_000;        // 100 µs each: 10 ms..1 s
    private final long[] counts = new long[FINE + COARSE + 1];
    private long total;
    private long maxNanos;

    void record(long nanos) {
        long us = Math.max(0, nanos / 1_000);
        int i;
        if (us < FINE) {
            i = (int) us;
        } else if (us < FINE + COARSE * 100L) {
            i = FINE + (int) ((us - FINE) / 100);
        } else {
            i = FINE + COARSE;
        }
        counts[i]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    long count() {
        return total;
    }

    /** The summary in the same form as {@link Percentiles#summarize}: each quantile is its bucket's upper edge. */
    Percentiles.Summary summary() {
        return new Percentiles.Summary((int) Math.min(Integer.MAX_VALUE, total), quantileMs(0.50), quantileMs(0.99),
                quantileMs(0.999), maxNanos / 1e6);
    }

    private double quantileMs(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperEdgeUs(i) / 1e3, maxNanos / 1e6);
            }
        }
        return maxNanos / 1e6;
    }

    private static double upperEdgeUs(int i) {
        if (i < FINE) {
            return i + 1;
        }
        if (i < FINE + COARSE) {
            return FINE + (i - FINE + 1) * 100.0;
        }
        return Double.MAX_VALUE;
    }
}
