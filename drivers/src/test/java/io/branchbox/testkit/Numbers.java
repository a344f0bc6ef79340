package io.branchbox.testkit;

import java.util.Random;

/** Number draws for {@link Gen}: uniform over a range, with its edges drawn often. */
final class Numbers {
    static final double[] SPECIAL_DOUBLES = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-300, 9_007_199_254_740_993.0};

    private Numbers() {
    }

    /** A long in {@code [min, max]}: a quarter of the draws are min, max, 0, 1 or -1 (when in range). */
    static long between(Random r, long min, long max) {
        if (max < min) {
            throw new IllegalArgumentException("range " + min + ".." + max);
        }
        if (r.nextInt(4) == 0) {
            long edge = switch (r.nextInt(5)) {
                case 0 -> min;
                case 1 -> max;
                case 2 -> 0;
                case 3 -> 1;
                default -> -1;
            };
            if (edge >= min && edge <= max) {
                return edge;
            }
        }
        long span = max - min; // may overflow to negative when the range is wider than Long.MAX_VALUE
        if (span >= 0 && span < Long.MAX_VALUE) {
            return min + r.nextLong(span + 1);
        }
        long v;
        do {
            v = r.nextLong();
        } while (v < min || v > max);
        return v;
    }
}
