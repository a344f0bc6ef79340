package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.firmware.isdn.q931.MessageType;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.rig.carrier.OfferedCall;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast the box answers a SETUP with 30 calls up: 29 answered calls are held on timeslots
 * 1-15 and 17-30, and the carrier offers call after call on timeslot 31, clearing each once the
 * box has answered. Inside the box, on its real signalling thread ({@code ExecutorScheduler}), the
 * time is taken when the LAPD frame carrying the SETUP enters {@link PriSpan#onDChannel} and when
 * the frame carrying CALL PROCEEDING (sent by the span itself) and then ALERTING (sent by call
 * control at once from {@code onIncoming}) leaves through the span's DChannelOut.
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.bench.PriSetupLatencyBench [calls] [--box-logging]};
 * prints p50, p99, p99.9 and max in microseconds through the log. The first 10 % of the calls
 * warm up and are not counted. With {@code --box-logging} the stack logs as configured (INFO in
 * production) instead of at WARN.
 */
public final class PriSetupLatencyBench {
    private static final Logger log = LoggerFactory.getLogger(PriSetupLatencyBench.class);
    private static final int MEASURED_TS = 31;

    private PriSetupLatencyBench() {}

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int calls = a.stream().filter(s -> !s.startsWith("--")).findFirst().map(Integer::parseInt).orElse(20_000);
        PriBenchPair.quietLogging(a.contains("--box-logging"));
        int warmup = calls / 10;
        Samples samples = new Samples(calls);
        try (PriBenchPair pair = new PriBenchPair(PriSetupLatencyBench::callControl, samples)) {
            pair.bringUp();
            holdCalls(pair);
            CountDownLatch done = new CountDownLatch(1);
            int[] cycle = {0};
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (cycle[0] == warmup) {
                    pair.box.execute(samples::startCounting);
                }
                if (cycle[0]++ == calls) {
                    done.countDown();
                    return;
                }
                pair.network.offerCall(String.format("138%08d", cycle[0]), "95598", MEASURED_TS).whenComplete((call, e) -> {
                    if (e != null) {
                        log.error("measured call refused by the box", e);
                        done.countDown();
                        return;
                    }
                    call.hangup(Q850Cause.NORMAL_CLEARING.value());
                    call.cleared().thenRun(() -> pair.carrier.execute(next[0]));
                });
            };
            pair.carrier.execute(next[0]);
            if (!done.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the measured calls did not finish in 30 minutes");
            }
            int up = pair.onBox(s -> s.calls().size());
            String proceeding = pair.onBox(s -> samples.proceeding.report());
            String alerting = pair.onBox(s -> samples.alerting.report());
            log.info("SETUP in -> CALL PROCEEDING out, {} calls after {} warm-up, {} calls up meanwhile: {}",
                    calls - warmup, warmup, up + 1, proceeding);
            log.info("SETUP in -> ALERTING out: {}", alerting);
        }
    }

    /** Answers the held calls; on the measured timeslot sends ALERTING at once instead. */
    private static PriSpan.Calls callControl(PriBenchPair pair) {
        return new PriSpan.Calls() {
            @Override
            public void onIncoming(TrunkCall call) {
                if (call.audioChan() != MEASURED_TS) {
                    call.answer();
                    return;
                }
                for (IsdnCall c : pair.span.calls()) {
                    if (c.channel() == MEASURED_TS && !c.outgoing()) {
                        c.alert();
                    }
                }
            }

            @Override
            public void onTrunkCleared(TrunkCall call, Q850Cause cause) {
                // the carrier clears each measured call; nothing to keep
            }
        };
    }

    private static void holdCalls(PriBenchPair pair) throws Exception {
        CompletableFuture<List<OfferedCall>> held = new CompletableFuture<>();
        pair.onCarrier(n -> {
            List<CompletableFuture<OfferedCall>> answered = java.util.stream.IntStream.rangeClosed(1, 30)
                    .filter(ts -> ts != SpanConfig.D_CHANNEL_TIMESLOT)
                    .mapToObj(ts -> n.offerCall(String.format("139%08d", ts), "95598", ts).thenCompose(OfferedCall::answered))
                    .toList();
            CompletableFuture.allOf(answered.toArray(CompletableFuture[]::new))
                    .thenRun(() -> held.complete(answered.stream().map(CompletableFuture::join).collect(Collectors.toList())));
        });
        int count = held.get(10, TimeUnit.SECONDS).size();
        log.info("{} calls held up on timeslots 1-15 and 17-30", count);
    }

    /** Timestamps by call reference; written and read on the box's signalling thread only. */
    private static final class Samples implements PriBenchPair.FrameTap {
        final Series proceeding;
        final Series alerting;
        private final Map<Integer, Long> setupAt = new HashMap<>();
        private boolean counting;

        Samples(int capacity) {
            proceeding = new Series(capacity);
            alerting = new Series(capacity);
        }

        void startCounting() {
            counting = true;
        }

        @Override
        public void intoBox(byte[] frame) {
            long now = System.nanoTime();
            if (q931Type(frame) == MessageType.SETUP.code()) {
                setupAt.put(callReference(frame), now);
            }
        }

        @Override
        public void outOfBox(byte[] frame) {
            long now = System.nanoTime();
            int type = q931Type(frame);
            if (type == MessageType.CALL_PROCEEDING.code() || type == MessageType.ALERTING.code()) {
                Long at = type == MessageType.ALERTING.code() ? setupAt.remove(callReference(frame))
                        : setupAt.get(callReference(frame));
                if (at != null && counting) {
                    (type == MessageType.ALERTING.code() ? alerting : proceeding).add(now - at);
                }
            }
        }

        /** Q.931 message type of an I frame (2 address, 2 control octets), or -1. */
        private static int q931Type(byte[] f) {
            if (f.length < 7 || (f[2] & 1) != 0 || f[4] != 0x08) {
                return -1;
            }
            int at = 6 + (f[5] & 0x0F);
            return at < f.length ? f[at] & 0x7F : -1;
        }

        private static int callReference(byte[] f) {
            return ((f[6] & 0x7F) << 8) | (f[7] & 0xFF);
        }
    }

    /** Latencies in nanoseconds. */
    private static final class Series {
        private final long[] values;
        private int n;

        Series(int capacity) {
            values = new long[capacity];
        }

        void add(long nanos) {
            if (n < values.length) {
                values[n++] = nanos;
            }
        }

        String report() {
            long[] s = Arrays.copyOf(values, n);
            Arrays.sort(s);
            return String.format("%d samples, p50 %d us, p99 %d us, p99.9 %d us, max %d us",
                    s.length, us(s, 0.50), us(s, 0.99), us(s, 0.999), s.length == 0 ? 0 : s[s.length - 1] / 1000);
        }

        private static long us(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000;
        }
    }
}
