package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.time.ThreadNames;
import io.branchbox.rig.sim.SimulatedCarrier;
import io.branchbox.time.ExecutorScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code target} inbound calls in the box across the carriers' E1 spans: every call that
 * ends (or fails to be answered) is replaced by a new one, so the queue stays topped up. Callers
 * never hang up themselves; the box clears the call when the agent hangs up. A freed timeslot
 * rests 200 ms before reuse so the box has finished releasing it.
 *
 * <p>Threading: all state lives on the {@code bench-callers} scheduler thread.
 */
final class TrunkCallers {
    private static final Logger log = LoggerFactory.getLogger(TrunkCallers.class);
    private static final Duration REST = Duration.ofMillis(200);

    private final List<SimulatedCarrier> carriers;
    private final int target;
    private final boolean[][] busy;
    private final ExecutorScheduler thread = new ExecutorScheduler(ThreadNames.BENCH + "callers", Clock.systemUTC());
    private final Random random = new Random(6);
    private final AtomicInteger placed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private int active;
    private volatile boolean stopped;

    TrunkCallers(List<SimulatedCarrier> carriers, int target) {
        if (target > 30 * carriers.size()) {
            throw new IllegalArgumentException(target + " calls do not fit on " + carriers.size() + " span(s)");
        }
        this.carriers = List.copyOf(carriers);
        this.target = target;
        this.busy = new boolean[carriers.size()][32];
    }

    void start() {
        thread.execute(this::topUp);
    }

    void stop() {
        stopped = true;
        thread.close();
    }

    int placed() {
        return placed.get();
    }

    int failed() {
        return failed.get();
    }

    private void topUp() {
        while (!stopped && active < target && place()) {
            active++;
        }
    }

    private boolean place() {
        int bestSpan = -1;
        int bestFree = 0;
        for (int s = 0; s < carriers.size(); s++) {
            int free = 0;
            for (int ts = 1; ts < 32; ts++) {
                free += ts != SpanConfig.D_CHANNEL_TIMESLOT && !busy[s][ts] ? 1 : 0;
            }
            if (free > bestFree) {
                bestFree = free;
                bestSpan = s;
            }
        }
        if (bestSpan < 0) {
            return false;
        }
        int span = bestSpan;
        int ts = 1;
        while (ts == SpanConfig.D_CHANNEL_TIMESLOT || busy[span][ts]) {
            ts++;
        }
        int slot = ts;
        busy[span][slot] = true;
        placed.incrementAndGet();
        String caller = "13" + (100_000_000 + random.nextInt(900_000_000));
        carriers.get(span).offerCall(caller, "95598", slot).whenComplete((call, err) -> thread.execute(() -> {
            if (err != null) {
                failed.incrementAndGet();
                log.info("call on span {} ts {} not answered: {}", span, slot, err.getMessage());
                ended(span, slot);
                return;
            }
            call.cleared().whenComplete((cause, e) -> thread.execute(() -> ended(span, slot)));
        }));
        return true;
    }

    private void ended(int span, int ts) {
        active--;
        thread.schedule(REST, () -> {
            busy[span][ts] = false;
            topUp();
        });
    }
}
