package io.branchbox.firmware.kpi;

import io.branchbox.firmware.qa.QaCompletion;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of {@link Count} sums plus two breakdowns: not-ready time by reason code and failed calls
 * and attempts by cause ("in:41", "out:34"). Sums add: the counts of a week are the sums of its
 * days'. Mutable and not thread-safe: the ledger fills it under its own lock and hands out copies.
 */
public final class Counts {
    private final long[] v = new long[Count.values().length];
    private final TreeMap<String, Long> notReady = new TreeMap<>();
    private final TreeMap<String, Long> failed = new TreeMap<>();

    /** Adds {@code n} to a stored count. */
    public void add(Count c, long n) {
        if (c.derived()) {
            throw new IllegalArgumentException(c + " is derived, not stored");
        }
        v[c.ordinal()] += n;
    }

    void notReady(String reason, long ms) {
        notReady.merge(reason, ms, Long::sum);
        add(Count.NOT_READY_MS, ms);
    }

    /** Sets a stored count read back from a roll-up. */
    void restore(Count c, long n) {
        v[c.ordinal()] = n;
    }

    /** Sets a not-ready breakdown entry read back from a roll-up (the total is restored apart). */
    void restoreNotReady(String reason, long ms) {
        notReady.put(reason, ms);
    }

    /** Sets a failure breakdown entry read back from a roll-up. */
    void restoreFailed(String cause, long n) {
        failed.put(cause, n);
    }

    void failed(String cause) {
        failed.merge(cause, 1L, Long::sum);
    }

    /** The count; derived counts computed from the stored ones. */
    public long get(Count c) {
        return switch (c) {
            case ASKED -> v[Count.OFFERED.ordinal()] - v[Count.SHORT_ABANDONED.ordinal()];
            case HANDLE_MS -> v[Count.TALK_MS.ordinal()] + v[Count.HOLD_MS.ordinal()] + v[Count.WRAP_UP_MS.ordinal()];
            case QA_PLANNED -> QaCompletion.planned(v[Count.HANDLED.ordinal()]);
            default -> v[c.ordinal()];
        };
    }

    /** Not-ready time by reason code ("none" without one); sorted. */
    public Map<String, Long> notReadyByReason() {
        return Collections.unmodifiableMap(notReady);
    }

    /** Failed inbound calls ("in:&lt;cause&gt;") and outbound attempts ("out:&lt;cause&gt;") by cause; sorted. */
    public Map<String, Long> failedByCause() {
        return Collections.unmodifiableMap(failed);
    }

    /** Adds every count of {@code o} to this one. */
    public Counts plus(Counts o) {
        for (int i = 0; i < v.length; i++) {
            v[i] += o.v[i];
        }
        o.notReady.forEach((k, n) -> notReady.merge(k, n, Long::sum));
        o.failed.forEach((k, n) -> failed.merge(k, n, Long::sum));
        return this;
    }

    public Counts copy() {
        return new Counts().plus(this);
    }

    /** Whether nothing was counted at all. */
    public boolean isEmpty() {
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return notReady.isEmpty() && failed.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counts c && java.util.Arrays.equals(v, c.v) && notReady.equals(c.notReady)
                && failed.equals(c.failed);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Counts{");
        for (Count c : Count.values()) {
            if (get(c) != 0) {
                b.append(c.key()).append('=').append(get(c)).append(' ');
            }
        }
        return b.append("notReady=").append(notReady).append(" failed=").append(failed).append('}').toString();
    }
}
