package io.branchbox.rig.bench;

import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.isdn.lapd.LapdCounters;
import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.rig.carrier.CarrierListener;
import io.branchbox.rig.carrier.OfferedCall;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full calls per second through LAPD and Q.931 on both sides: the carrier offers a call on each of
 * {@code parallel} timeslots, the box answers at once (CONNECT), the carrier clears as soon as it
 * is answered (DISCONNECT, RELEASE, RELEASE COMPLETE) and offers the next call on that timeslot.
 * The box runs on its real signalling thread, the carrier on another, over an in-memory wire; on a
 * 2-core machine the two threads compete with each other and with everything else.
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.bench.PriCallRateBench [seconds] [parallel] [--box-logging]}
 * (defaults 20 s, 30 timeslots); 5 s of warm-up first. Prints calls per second through the log.
 */
public final class PriCallRateBench {
    private static final Logger log = LoggerFactory.getLogger(PriCallRateBench.class);
    private static final long WARMUP_SECONDS = 5;

    private PriCallRateBench() {}

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        List<Integer> numbers = a.stream().filter(s -> !s.startsWith("--")).map(Integer::parseInt).toList();
        int seconds = numbers.size() > 0 ? numbers.get(0) : 20;
        int parallel = numbers.size() > 1 ? numbers.get(1) : 30;
        PriBenchPair.quietLogging(a.contains("--box-logging"));
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        boolean[] running = {true};
        try (PriBenchPair pair = new PriBenchPair(p -> answerAll(), new PriBenchPair.FrameTap() {
            @Override
            public void intoBox(byte[] frame) {}

            @Override
            public void outOfBox(byte[] frame) {}
        })) {
            pair.bringUp();
            List<Integer> timeslots = BChannels.timeslots().subList(0, Math.min(parallel, 30));
            pair.onCarrier(n -> {
                n.addListener(new CarrierListener() {
                    @Override
                    public void onAnswered(OfferedCall call) {
                        call.hangup(Q850Cause.NORMAL_CLEARING.value());
                    }

                    @Override
                    public void onCleared(OfferedCall call, int cause) {
                        (cause == Q850Cause.NORMAL_CLEARING.value() ? completed : failed).incrementAndGet();
                        if (running[0]) {
                            n.offerCall("13800138000", "95598", call.timeslot());
                        }
                    }
                });
                timeslots.forEach(ts -> n.offerCall("13800138000", "95598", ts));
            });
            Thread.sleep(TimeUnit.SECONDS.toMillis(WARMUP_SECONDS));
            long start = completed.get();
            long t0 = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            long done = completed.get() - start;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            pair.onCarrier(n -> running[0] = false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!pair.onCarrierRead(n -> n.calls().isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            LapdCounters boxLapd = pair.onBox(s -> s.lapd().counters());
            BenchFigures.record("pri.callRate", done / elapsed, "calls/s", BenchFigures.Better.HIGHER);
            BenchFigures.record("pri.callRate.failed", failed.get(), "calls", BenchFigures.Better.LOWER);
            log.info("{} full calls (SETUP .. RELEASE COMPLETE, 7 Q.931 messages each) in {} s on {} timeslots: "
                            + "{} calls/s; {} calls not cleared normally; box LAPD: {} I frames in, {} out, {} retransmitted",
                    done, String.format("%.1f", elapsed), timeslots.size(), String.format("%.0f", done / elapsed),
                    failed.get(), boxLapd.iFramesIn(), boxLapd.iFramesOut(), boxLapd.retransmissions());
        }
    }

    private static PriSpan.Calls answerAll() {
        return new PriSpan.Calls() {
            @Override
            public void onIncoming(TrunkCall call) {
                call.answer();
            }

            @Override
            public void onTrunkCleared(TrunkCall call, Q850Cause cause) {
                // the carrier clears every call and offers the next one
            }
        };
    }
}
