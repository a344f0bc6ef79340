package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.rig.sim.LineWatch;
import io.branchbox.rig.sim.SimulatedCarrier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole E1 seized in one burst: one SETUP per B-channel (30), offered by the carrier every
 * {@code gapMillis} (10 ms: 100 call attempts per second, the 30 within 290 ms; 0: all at once),
 * each call timed by {@link BurstTimings} and required to be answered (CONNECT).
 *
 * <p>Threading: the bench's main thread; the stamps come from the simulators' threads.
 */
final class CallBurst {
    private static final Logger log = LoggerFactory.getLogger(CallBurst.class);

    private final BurstTimings timings = new BurstTimings();
    private final long[] offeredAt = new long[LoadedBox.CALLS];

    /** Offers the burst and returns the 30 calls once every one is answered; throws if one is not. */
    List<OfferedCall> offer(SimulatedCarrier carrier, int gapMillis) throws Exception {
        carrier.watchLine(timings);
        List<CompletableFuture<OfferedCall>> offers = new ArrayList<>();
        long start = System.nanoTime();
        for (int ts = 1; ts < 32; ts++) {
            if (ts == SpanConfig.D_CHANNEL_TIMESLOT) {
                continue;
            }
            int i = offers.size();
            long due = start + TimeUnit.MILLISECONDS.toNanos((long) gapMillis * i);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            offeredAt[i] = System.nanoTime();
            offers.add(carrier.offerCall("1380013" + String.format(Locale.ROOT, "%04d", ts), "95598", ts)
                    .thenCompose(OfferedCall::answered));
        }
        log.info("burst: {} SETUPs offered over {} ms (one every {} ms)", offers.size(),
                TimeUnit.NANOSECONDS.toMillis(offeredAt[offers.size() - 1] - offeredAt[0]), gapMillis);
        List<OfferedCall> calls = new ArrayList<>();
        for (CompletableFuture<OfferedCall> f : offers) {
            calls.add(f.get(60, TimeUnit.SECONDS));
        }
        carrier.watchLine(LineWatch.NONE);
        log.info("burst: all {} calls answered (CONNECT)", calls.size());
        return calls;
    }

    /** Joins the box's stamps (its control file) with the carrier's and logs and records the figures. */
    Percentiles.Summary report(Path control, String figures) throws IOException {
        List<SignalStamp> box = Files.readAllLines(control.resolve(LoadedBox.SIGNAL_STAMPS), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank()).map(SignalStamp::parse).toList();
        return timings.report(box, figures);
    }
}
