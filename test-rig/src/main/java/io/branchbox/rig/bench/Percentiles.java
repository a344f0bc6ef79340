package io.branchbox.rig.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Nearest-rank percentiles of latency samples in nanoseconds, summarised in milliseconds for the
 * load benchmarks' log lines. Stateless; the arrays passed in are not modified.
 */
final class Percentiles {

    /** One distribution: sample count and p50, p99, p99.9 and max in milliseconds. */
    record Summary(int count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms",
                    count, p50Ms, p99Ms, p999Ms, maxMs);
        }
    }

    private Percentiles() {}

    /**
     * The nearest-rank {@code q}-quantile (0 &lt; q &lt;= 1) of an ascending array: the smallest
     * sample such that at least {@code q} of all samples are at or below it; 0 for no samples.
     */
    static long nearestRank(long[] sorted, double q) {
        if (q <= 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be in (0, 1]: " + q);
        }
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Summarises the first {@code n} of {@code nanos} (unsorted) without changing them. */
    static Summary summarize(long[] nanos, int n) {
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        return new Summary(n, ms(nearestRank(s, 0.50)), ms(nearestRank(s, 0.99)), ms(nearestRank(s, 0.999)),
                ms(n == 0 ? 0 : s[n - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
