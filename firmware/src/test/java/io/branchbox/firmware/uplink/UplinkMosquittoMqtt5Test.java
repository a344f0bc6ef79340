package io.branchbox.firmware.uplink;

import static io.branchbox.firmware.uplink.BrokerTests.WAIT;
import static io.branchbox.firmware.uplink.BrokerTests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.time.ExecutorScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production protocol, MQTT 5 over Paho's v5 client, against Mosquitto (Moquette 0.17 has no
 * MQTT 5): connect, retained status, birth, a schema-valid report, and the retained Last Will of a
 * killed box.
 */
class UplinkMosquittoMqtt5Test {

    @TempDir
    Path dir;

    @BeforeEach
    void needMosquitto() {
        MosquittoBroker.require();
    }

    @Test
    void mqtt5ConnectRetainedOnlineBirthAndHealth() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                Subscriber office = new Subscriber(broker.uri(), "branchbox/s1/b1/#");
                ExecutorScheduler scheduler = new ExecutorScheduler("uplink-v5", Clock.systemUTC())) {
            UplinkSettings settings = BrokerTests.settings(broker.uri(), Duration.ofMillis(200))
                    .withProtocol(UplinkSettings.Protocol.MQTT_5);
            UplinkService uplink = new UplinkService(settings, Files.createDirectories(dir.resolve("data")),
                    scheduler, () -> Map.of("firmware", "0.1.0"), null);
            uplink.start();
            assertTrue(eventually(() -> uplink.status().state() == UplinkState.CONNECTED), "status " + uplink.status());
            assertTrue(uplink.publishHealth(Map.of("cpuLoad", 0.1)));

            Schemas.assertValid("birth", office.await(m -> m.topic().endsWith("/birth"), 1, WAIT).get(0).payload());
            Schemas.assertValid("health", office.await(m -> m.topic().endsWith("/health"), 1, WAIT).get(0).payload());
            assertTrue(eventually(() -> uplink.status().queued() == 0), "PUBACK over MQTT 5 acks the outbox");
            try (Subscriber late = new Subscriber(broker.uri(), "branchbox/s1/b1/status")) {
                Subscriber.Received status = late.await(m -> true, 1, WAIT).get(0);
                assertTrue(status.retained(), "status is retained");
                assertEquals("online", Schemas.assertValid("status", status.payload()).get("state").asText());
            }
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void mqtt5BacklogDrainsWithTheRaisedWindowWithinTheBrokersReceiveMaximum() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        int backlog = 500;
        try (ExecutorScheduler scheduler = new ExecutorScheduler("uplink-offline", Clock.systemUTC())) {
            UplinkService offline = new UplinkService(BrokerTests.settings("tcp://127.0.0.1:" + TestBroker.freePort(),
                    Duration.ofSeconds(30)), data, scheduler, Map::of, null);
            offline.start();
            for (int i = 0; i < backlog; i++) {
                assertTrue(offline.publishHealth(Map.of("n", i)));
            }
            offline.stop().get(10, TimeUnit.SECONDS);
        }
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                Subscriber office = new Subscriber(broker.uri(), "branchbox/s1/b1/health");
                ExecutorScheduler scheduler = new ExecutorScheduler("uplink-drain", Clock.systemUTC())) {
            UplinkSettings settings = BrokerTests.settings(broker.uri(), Duration.ofMillis(200))
                    .withProtocol(UplinkSettings.Protocol.MQTT_5).withWindows(10, 100);
            UplinkService uplink = new UplinkService(settings, data, scheduler, Map::of, null);
            uplink.start();
            assertTrue(eventually(() -> uplink.status().queued() == 0), "status " + uplink.status());
            assertEquals(backlog, office.await(m -> true, backlog, WAIT).size());
            assertEquals("", uplink.status().lastError(), "no publish refused, no connection lost");
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void mqtt5OverTlsWithClientCertificate() throws Exception {
        Path tls = TlsSocketsTest.tls("ca.pem").getParent();
        try (MosquittoBroker broker = MosquittoBroker.startWithTls(dir, tls);
                Subscriber office = new Subscriber(broker.uri(), "branchbox/s1/b1/health");
                ExecutorScheduler scheduler = new ExecutorScheduler("uplink-tls", Clock.systemUTC())) {
            UplinkSettings d = BrokerTests.settings(broker.tlsUri(), Duration.ofMillis(200));
            UplinkSettings settings = new UplinkSettings(true, UplinkSettings.Protocol.MQTT_5, broker.tlsUri(),
                    d.clientId(), "", null, d.topicPrefix(), d.siteId(), d.boxId(), d.keepAlive(),
                    new UplinkSettings.TlsOptions(tls.resolve("ca.pem"), tls.resolve("box.pem"),
                            tls.resolve("box-encrypted.key"), Secret.of("box-pass")),
                    d.reconnectMin(), d.reconnectMax(), d.healthInterval(), 10, 100);
            UplinkService uplink = new UplinkService(settings, Files.createDirectories(dir.resolve("data")),
                    scheduler, Map::of, null);
            uplink.start();
            assertTrue(eventually(() -> uplink.status().state() == UplinkState.CONNECTED), "status " + uplink.status());
            uplink.publishHealth(Map.of("tls", true));
            assertEquals(1, office.await(m -> true, 1, WAIT).size());
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedMqtt5BoxLeavesRetainedOfflineWill() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                Subscriber office = new Subscriber(broker.uri(), "branchbox/s1/b1/status")) {
            JsonNode will = UplinkLastWillTest.killChildBoxAndAwaitWill(broker.uri(), UplinkSettings.Protocol.MQTT_5,
                    office, dir);
            assertEquals("connection-lost", will.get("reason").asText());

            try (Subscriber late = new Subscriber(broker.uri(), "branchbox/s1/b1/status")) {
                List<Subscriber.Received> retained = late.await(m -> true, 1, WAIT);
                assertEquals(1, retained.size());
                assertTrue(retained.get(0).retained());
                assertEquals("offline", Schemas.parse(retained.get(0).payload()).get("state").asText(),
                        "the Will replaced the retained online status");
            }
        }
    }
}
