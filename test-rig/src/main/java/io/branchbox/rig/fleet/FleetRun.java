package io.branchbox.rig.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.firmware.uplink.UplinkService;
import io.branchbox.firmware.uplink.UplinkSettings;
import io.branchbox.firmware.uplink.UplinkState;
import io.branchbox.rig.mqtt.MosquittoProcess;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The central office's side of MQTT with a fleet: {@code boxes} real uplinks ({@link UplinkService},
 * the box's own code, each with its own outbox directory) in one JVM, a real Mosquitto on loopback
 * and an office subscriber with a persistent session that de-duplicates by (site, box, id), as
 * docs/FLEET.md tells the office to. Every box sends health reports at a steady rate; in the middle
 * the broker is stopped for a while and started again. The run ends when every outbox is empty
 * and the office has every report, or when {@link Plan#settle()} is over.
 *
 * <p>One owner thread drives it; the uplinks use their own threads (Paho's and a few shared
 * schedulers). Not a unit of the product: a measuring instrument for issue 20 and its test.
 */
public final class FleetRun {

    /**
     * @param boxes         uplinks in the fleet
     * @param ratePerBox    health reports per second per box (the product sends one a minute;
     *                      faster rates compress a long day into a short run)
     * @param run           how long reports are sent
     * @param brokerDown    how long the broker is away, from the middle of {@code run}
     * @param settle        the longest wait after {@code run} for the fleet to drain
     * @param reconnectCap  the uplinks' back-off cap (null: the product's default)
     */
    public record Plan(int boxes, double ratePerBox, Duration run, Duration brokerDown, Duration settle,
            Duration reconnectCap) {}

    /**
     * What the office saw.
     *
     * @param published      health reports the boxes accepted into their outboxes
     * @param receivedDistinct distinct (site, box, id) health reports the office got
     * @param duplicates     deliveries beyond the first of the same (site, box, id)
     * @param lostBoxes      boxes with fewer distinct reports at the office than they published
     * @param connectAllMs   from starting the uplinks to all connected
     * @param reconnectAllMs from the broker's return to every uplink connected again
     * @param drainMs        from the end of sending to the office having everything
     * @param steadyRate     messages per second the office received before the restart
     */
    public record Result(long published, long receivedDistinct, long duplicates, int lostBoxes, long connectAllMs,
            long reconnectAllMs, long drainMs, double steadyRate) {
        public boolean nothingLost() {
            return lostBoxes == 0 && receivedDistinct == published;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCHEDULERS = 4;

    private final Plan plan;
    private final Path dir;
    /** box id → distinct health ids received. */
    private final Map<String, Set<Long>> received = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final Map<String, AtomicLong> published = new ConcurrentHashMap<>();

    public FleetRun(Plan plan, Path dir) {
        this.plan = plan;
        this.dir = dir;
    }

    public Result run() throws Exception {
        List<ExecutorScheduler> schedulers = new ArrayList<>();
        List<UplinkService> fleet = new ArrayList<>();
        try (MosquittoProcess broker = MosquittoProcess.start(Files.createDirectories(dir.resolve("broker")))) {
            MqttClient office = office(broker.uri());
            try {
                for (int i = 0; i < SCHEDULERS; i++) {
                    schedulers.add(new ExecutorScheduler(ThreadNames.BENCH + "fleet-uplink-" + i, Clock.systemUTC()));
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < plan.boxes(); i++) {
                    UplinkService u = uplink(broker.uri(), i, schedulers.get(i % SCHEDULERS));
                    fleet.add(u);
                    u.start();
                }
                await("every uplink connected", Duration.ofMinutes(3), () -> allConnected(fleet));
                long connectAllMs = millisSince(t0);

                long half = plan.run().toNanos() / 2;
                long receivedBefore = deliveries.get();
                long steadyStart = System.nanoTime();
                send(fleet, half);
                double steadyRate = (deliveries.get() - receivedBefore) * 1e9 / (System.nanoTime() - steadyStart);

                broker.stop();
                long downUntil = System.nanoTime() + plan.brokerDown().toNanos();
                send(fleet, plan.brokerDown().toNanos());
                while (System.nanoTime() < downUntil) {
                    Thread.sleep(10);
                }
                broker.restart();
                long back = System.nanoTime();
                // the fleet's return is timed while the boxes keep sending, by a watcher of its own
                java.util.concurrent.CompletableFuture<Long> reconnected = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        await("every uplink connected again", plan.settle(), () -> allConnected(fleet));
                        return millisSince(back);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                });
                send(fleet, Math.max(0, plan.run().toNanos() - half - plan.brokerDown().toNanos()));
                long reconnectAllMs = reconnected.get(plan.settle().toMillis() + 1_000, TimeUnit.MILLISECONDS);

                long sendEnd = System.nanoTime();
                long total = published.values().stream().mapToLong(AtomicLong::get).sum();
                awaitQuietly(plan.settle(), () -> distinct() >= total && fleet.stream().allMatch(u -> u.status().queued() == 0));
                long drainMs = millisSince(sendEnd);
                long distinct = distinct();
                int lost = (int) published.entrySet().stream()
                        .filter(e -> received.getOrDefault(e.getKey(), Set.of()).size() < e.getValue().get()).count();
                return new Result(total, distinct, deliveries.get() - distinct, lost, connectAllMs, reconnectAllMs,
                        drainMs, steadyRate);
            } finally {
                for (UplinkService u : fleet) {
                    u.stop().get(30, TimeUnit.SECONDS);
                }
                for (ExecutorScheduler s : schedulers) {
                    s.close();
                }
                office.disconnectForcibly(1_000);
                office.close();
            }
        }
    }

    private UplinkService uplink(String uri, int i, ExecutorScheduler scheduler) throws IOException {
        String site = "site-" + (i / 10);
        String box = "box-" + i;
        UplinkSettings s = UplinkSettings.defaults(uri, site, box);
        if (plan.reconnectCap() != null) {
            s = s.withReconnect(Duration.ofMillis(200), plan.reconnectCap());
        }
        published.put(box, new AtomicLong());
        return new UplinkService(s, Files.createDirectories(dir.resolve(box)), scheduler,
                () -> Map.of("firmware", "fleet-run"), null);
    }

    /** Sends health reports round the fleet at the plan's rate for {@code nanos}. */
    private void send(List<UplinkService> fleet, long nanos) throws InterruptedException {
        long gap = (long) (1e9 / (plan.ratePerBox() * fleet.size()));
        long start = System.nanoTime();
        long next = start;
        int i = 0;
        while (System.nanoTime() - start < nanos) {
            UplinkService u = fleet.get(i % fleet.size());
            String box = "box-" + (i % fleet.size());
            if (u.publishHealth(Map.of("seq", i, "spans", 1, "queuesWaiting", i % 7))) {
                published.get(box).incrementAndGet();
            }
            i++;
            next += gap;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    /** The office: a persistent session (a broker restart keeps what is queued for it), QoS 1. */
    private MqttClient office(String uri) throws MqttException {
        MqttClient c = new MqttClient(uri, "office-fleet", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(1_000);
        o.setMaxInflight(1_000);
        c.connect(o);
        c.subscribe("branchbox/+/+/health", 1, (topic, m) -> {
            deliveries.incrementAndGet();
            JsonNode n = JSON.readTree(new String(m.getPayload(), StandardCharsets.UTF_8));
            received.computeIfAbsent(n.path("box").asText(), b -> ConcurrentHashMap.newKeySet()).add(n.path("id").asLong());
        });
        return c;
    }

    private long distinct() {
        return received.values().stream().mapToLong(Set::size).sum();
    }

    private static boolean allConnected(List<UplinkService> fleet) {
        return fleet.stream().allMatch(u -> u.status().state() == UplinkState.CONNECTED);
    }

    private static long millisSince(long t) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t);
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        if (!awaitQuietly(limit, condition)) {
            throw new IllegalStateException(what + ": not reached within " + limit);
        }
    }

    private static boolean awaitQuietly(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
