package io.branchbox.rig.bench;

import io.branchbox.time.ThreadNames;
import ch.qos.logback.classic.Level;
import io.branchbox.firmware.uplink.UplinkService;
import io.branchbox.firmware.uplink.UplinkSettings;
import io.branchbox.firmware.uplink.UplinkState;
import io.branchbox.rig.mqtt.EmbeddedBroker;
import io.branchbox.time.ExecutorScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast the outbox drains after an outage: fills it with {@code N} mixed reports while the
 * broker is down (1 % alarms, 9 % figures, 90 % health, shaped as the real ones), starts the
 * broker (Moquette 0.17, MQTT 3.1.1, loopback, no subscriber) and measures until the last PUBACK
 * emptied the outbox. Repeated for each drain window given.
 *
 * <p>Run: {@code java -cp ... io.branchbox.rig.bench.UplinkDrainBench [N] [window...]}, default
 * 20000 messages, windows 10 and 100. Results are logged at INFO. A main, not JMH: one drain is
 * a single long operation with I/O and a broker, not a micro-benchmark.
 */
public final class UplinkDrainBench {

    private static final Logger log = LoggerFactory.getLogger(UplinkDrainBench.class);

    private UplinkDrainBench() {}

    public static void main(String[] args) throws Exception {
        for (String noisy : new String[] {"io.moquette", "io.netty", "org.eclipse.paho", "io.branchbox.firmware.uplink",
                "io.branchbox.rig.mqtt"}) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.ERROR);
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int[] windows = args.length > 1 ? Stream.of(args).skip(1).mapToInt(Integer::parseInt).toArray() : new int[] {10, 100};
        for (int w : windows) {
            Result r = run(n, w);
            BenchFigures.record("uplink.drain.w" + w, n * 1000.0 / r.drainMs, "msg/s", BenchFigures.Better.HIGHER);
            log.info("drain window {}: {} messages ({} bytes of outbox) drained in {} ms after connect "
                    + "= {} msg/s; {} ms from broker start", w, n, r.outboxBytes, r.drainMs,
                    Math.round(n * 1000.0 / r.drainMs), r.totalMs);
        }
    }

    private record Result(long outboxBytes, long drainMs, long totalMs) {}

    private static Result run(int n, int window) throws Exception {
        Path dir = Files.createTempDirectory("uplink-drain");
        int port = EmbeddedBroker.freePort();
        UplinkSettings settings = UplinkSettings.defaults("tcp://127.0.0.1:" + port, "bench", "b1")
                .withProtocol(UplinkSettings.Protocol.MQTT_3_1_1)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(50))
                .withWindows(Math.min(10, window), window)
                .withOutboxCapacity(n + 1_000);
        try (ExecutorScheduler scheduler = new ExecutorScheduler(ThreadNames.BENCH + "uplink", Clock.systemUTC())) {
            UplinkService uplink = new UplinkService(settings, dir, scheduler, Map::of, null);
            uplink.start();
            Instant start = Instant.now().minus(Duration.ofDays(1));
            for (int i = 0; i < n; i++) {
                int kind = i % 100;
                if (kind == 0) {
                    uplink.publishAlarm(ReportSamples.alarm(i));
                } else if (kind < 10) {
                    Instant from = start.plus(Duration.ofMinutes(15L * i));
                    uplink.publishFigures(from, from.plus(Duration.ofMinutes(15)), ReportSamples.figures());
                } else {
                    uplink.publishHealth(ReportSamples.health(i));
                }
            }
            await(() -> uplink.status().queued() == n, Duration.ofMinutes(2));
            long outboxBytes = Files.size(dir.resolve("outbox.log"));
            long t0 = System.nanoTime();
            try (EmbeddedBroker broker = EmbeddedBroker.start(port)) {
                await(() -> uplink.status().state() == UplinkState.CONNECTED, Duration.ofSeconds(30));
                long t1 = System.nanoTime();
                await(() -> uplink.status().queued() == 0, Duration.ofMinutes(10));
                long t2 = System.nanoTime();
                uplink.stop().get(30, TimeUnit.SECONDS);
                return new Result(outboxBytes, TimeUnit.NANOSECONDS.toMillis(t2 - t1),
                        TimeUnit.NANOSECONDS.toMillis(t2 - t0));
            }
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + limit);
            }
            Thread.sleep(2);
        }
    }
}
