package io.branchbox.firmware.uplink;

import static io.branchbox.firmware.uplink.BrokerTests.WAIT;
import static io.branchbox.firmware.uplink.BrokerTests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.time.ExecutorScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A county link outage: the broker is unreachable while alarms, figures and health pile up, and
 * the box restarts in the middle of it. When the broker is back, every report arrives exactly
 * once, alarms first, then figures, then health, each in the order it was made.
 */
class UplinkOutageTest {

    /** Long enough for the office to subscribe after the broker is back, before the box retries. */
    private static final Duration RETRY = Duration.ofSeconds(3);
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void everyQueuedReportArrivesOnceInPriorityOrderAfterOutageAndRestart() throws Exception {
        int port = TestBroker.freePort();
        UplinkSettings settings = BrokerTests.settings("tcp://127.0.0.1:" + port, RETRY);
        int queued = 0;
        try (ExecutorScheduler scheduler = new ExecutorScheduler("uplink-outage", Clock.systemUTC())) {
            UplinkService first = service(settings, scheduler);
            first.start();
            queued += pileUp(first, 0);
            first.stop().get(10, TimeUnit.SECONDS);

            UplinkService second = service(settings, scheduler);
            second.start();
            queued += pileUp(second, 100);
            assertEquals(queued, second.status().queued(), "both runs' reports are in the outbox");
            assertTrue(eventually(() -> second.status().reason().startsWith("retry in")),
                    "first attempt failed: " + second.status());

            try (TestBroker broker = TestBroker.start(port);
                    Subscriber office = new Subscriber(broker.uri(), "branchbox/s1/b1/+")) {
                assertEquals(UplinkState.CONNECTING, second.status().state(), "office subscribed before the box came back");
                List<Subscriber.Received> reports = office.await(m -> !m.topic().endsWith("/status")
                        && !m.topic().endsWith("/birth"), queued, WAIT);
                assertTrue(eventually(() -> second.status().queued() == 0), "outbox drained: " + second.status());
                assertOnceInPriorityOrder(queued, reports);
                second.stop().get(10, TimeUnit.SECONDS);
            }
        }
    }

    private UplinkService service(UplinkSettings settings, ExecutorScheduler scheduler) {
        // a constant random part makes the retry delay exactly RETRY
        return new UplinkService(settings, dataDir, scheduler, () -> Map.of("firmware", "0.1.0"), null,
                PahoLinks::create, () -> 0.0);
    }

    /** Queues health, figures and alarms interleaved, as a real outage would; returns how many. */
    private static int pileUp(UplinkService uplink, int base) {
        for (int i = 0; i < 5; i++) {
            assertTrue(uplink.publishHealth(Map.of("n", base + i)));
            assertTrue(uplink.publishFigures(T0.plusSeconds(900L * i), T0.plusSeconds(900L * (i + 1)),
                    Map.of("n", base + i)));
            if (i % 2 == 0) {
                assertTrue(uplink.publishAlarm(new Alarm("E1_LOS", Alarm.Severity.MAJOR, "loss of signal",
                        Map.of("n", base + i))));
            }
        }
        return 5 + 5 + 3;
    }

    private static void assertOnceInPriorityOrder(int queued, List<Subscriber.Received> reports) {
        assertEquals(queued, reports.size(), "reports: " + reports);
        Set<Long> ids = new HashSet<>();
        int lastRank = 0;
        long lastId = 0;
        for (Subscriber.Received r : reports) {
            JsonNode json = Schemas.parse(r.payload());
            long id = json.get("id").asLong();
            assertTrue(ids.add(id), "duplicate id " + id);
            int rank = rank(r.topic());
            assertTrue(rank >= lastRank, "priority order broken at " + r.topic() + " id " + id);
            if (rank == lastRank) {
                assertTrue(id > lastId, "FIFO within a priority broken at id " + id);
            }
            lastRank = rank;
            lastId = id;
        }
        assertEquals(6, reports.stream().filter(r -> r.topic().endsWith("/alarm")).count());
        assertEquals(10, reports.stream().filter(r -> r.topic().endsWith("/figures")).count());
        assertEquals(10, reports.stream().filter(r -> r.topic().endsWith("/health")).count());
    }

    private static int rank(String topic) {
        for (Priority p : Priority.values()) {
            if (topic.endsWith("/" + p.topicLeaf())) {
                return p.ordinal();
            }
        }
        throw new AssertionError("unexpected topic " + topic);
    }
}
