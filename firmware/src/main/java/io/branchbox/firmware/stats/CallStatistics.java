package io.branchbox.firmware.stats;

import static io.branchbox.firmware.store.CallEventTypes.CALL_CONNECTED;
import static io.branchbox.firmware.store.CallEventTypes.CALL_ENDED;
import static io.branchbox.firmware.store.CallEventTypes.CALL_OFFERED;
import static io.branchbox.firmware.store.CallEventTypes.CALL_OFFER_MISSED;
import static io.branchbox.firmware.store.CallEventTypes.CALL_QUEUED;
import static io.branchbox.firmware.store.CallEventTypes.CALL_STARTED;
import static io.branchbox.firmware.store.CallEventTypes.CALL_SURVEY;
import static io.branchbox.firmware.store.CallEventTypes.RATING;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds journal events into {@link ServiceFigures}: each call is followed from its start to its
 * end, and counted when it ends, so every call is counted exactly once, in the interval it ended.
 *
 * <p>Statistics are never kept anywhere but here and in the journal: replaying the journal into a
 * new instance gives the same figures after a restart. Not thread-safe.
 */
public final class CallStatistics {
    private static final Duration SERVICE_LEVEL = Duration.ofSeconds(20);
    private static final Duration ANSWER_SPEED = Duration.ofSeconds(3);
    private static final Duration RESPONSE = Duration.ofSeconds(8);

    /** What one call has done so far. */
    private static final class Progress {
        Instant started;
        Instant queued;
        Instant offered;
        Instant connected;
        String rating;
    }

    private final Map<String, Progress> open = new HashMap<>();
    private int offered;
    private int answered;
    private int abandoned;
    private int within20;
    private int within3;
    private int within8;
    private int missed;
    private int rated;
    private int satisfied;
    private long asaSum;
    private long ahtSum;
    private long abandonSum;
    private long responseSum;

    /** Takes one event, in journal order. */
    public void accept(JournalEvent e) {
        if (e.callId() == null) {
            return;
        }
        switch (e.type()) {
            case CALL_STARTED -> progress(e).started = e.at();
            case CALL_QUEUED -> {
                Progress p = progress(e);
                if (p.queued == null) {
                    p.queued = e.at(); // a re-queued call keeps its first place in time
                }
            }
            case CALL_OFFERED -> progress(e).offered = e.at();
            case CALL_OFFER_MISSED -> missed++;
            case CALL_CONNECTED -> {
                Progress p = progress(e);
                if (p.connected == null) {
                    p.connected = e.at();
                }
            }
            case CALL_SURVEY -> progress(e).rating = e.attrs().get(RATING);
            case CALL_ENDED -> ended(open.remove(e.callId()), e.at());
            default -> { }
        }
    }

    private Progress progress(JournalEvent e) {
        return open.computeIfAbsent(e.callId(), id -> new Progress());
    }

    private void ended(Progress p, Instant at) {
        if (p == null || p.queued == null) {
            return; // never asked for an agent (IVR-only or failed call)
        }
        offered++;
        if (p.connected == null) {
            abandoned++;
            abandonSum += ms(p.queued, at);
            return;
        }
        answered++;
        if (p.rating != null) {
            rated++;
            satisfied += "1".equals(p.rating) ? 1 : 0;
        }
        long asa = ms(p.queued, p.connected);
        asaSum += asa;
        ahtSum += ms(p.connected, at);
        within20 += asa <= SERVICE_LEVEL.toMillis() ? 1 : 0;
        if (p.offered != null) {
            within3 += ms(p.offered, p.connected) <= ANSWER_SPEED.toMillis() ? 1 : 0;
        }
        if (p.started != null) {
            long response = ms(p.started, p.connected);
            responseSum += response;
            within8 += response <= RESPONSE.toMillis() ? 1 : 0;
        }
    }

    /** The figures of the calls ended since the last {@link #takeAndReset}; calls in progress carry over. */
    public ServiceFigures takeAndReset() {
        ServiceFigures f = new ServiceFigures(offered, answered, abandoned, within20, within3, within8, missed,
                avg(asaSum, answered), avg(ahtSum, answered), avg(abandonSum, abandoned), avg(responseSum, answered),
                rated, satisfied);
        offered = answered = abandoned = within20 = within3 = within8 = missed = rated = satisfied = 0;
        asaSum = ahtSum = abandonSum = responseSum = 0;
        return f;
    }

    private static long avg(long sum, int n) {
        return n == 0 ? 0 : sum / n;
    }

    private static long ms(Instant a, Instant b) {
        return Duration.between(a, b).toMillis();
    }
}
