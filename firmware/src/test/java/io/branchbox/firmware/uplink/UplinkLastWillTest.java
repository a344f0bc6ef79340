package io.branchbox.firmware.uplink;

import static io.branchbox.firmware.uplink.BrokerTests.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A box that dies without a word (power cut, crash) must be announced at once: the broker sees
 * the TCP connection drop and publishes the box's Last Will, the {@code offline} status.
 * Paho cannot drop a connection without DISCONNECT, so the box runs in a child JVM that is
 * killed. Moquette 0.17 delivers a Will to current subscribers but ignores its RETAIN flag, so
 * the retained half is checked against Mosquitto in {@link UplinkMosquittoMqtt5Test}.
 */
class UplinkLastWillTest {

    private static final Logger LOG = LoggerFactory.getLogger(UplinkLastWillTest.class);

    @TempDir
    Path dir;

    @Test
    void killedBoxIsAnnouncedOfflineByLastWill() throws Exception {
        try (TestBroker broker = TestBroker.start(0);
                Subscriber office = new Subscriber(broker.uri(), "branchbox/s1/b1/status")) {
            JsonNode will = killChildBoxAndAwaitWill(broker.uri(), UplinkSettings.Protocol.MQTT_3_1_1, office, dir);
            assertEquals("connection-lost", will.get("reason").asText());
        }
    }

    /** Starts a box in a child JVM, waits for it to be online, kills it and returns the Will seen. */
    static JsonNode killChildBoxAndAwaitWill(String uri, UplinkSettings.Protocol protocol, Subscriber office,
            Path dir) throws Exception {
        Path log = dir.resolve("child.log");
        Process box = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UplinkChildProcess.class.getName(),
                uri, dir.resolve("data").toString(), protocol.name())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LOG.info("child box started");
        try {
            List<Subscriber.Received> online = office.await(m -> m.payload().contains("\"online\""), 1, WAIT);
            assertEquals(1, online.size(), "child came online; its log is " + log);
            LOG.info("child box online; killing it");
        } finally {
            box.destroyForcibly();
            assertTrue(box.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        List<Subscriber.Received> offline = office.await(m -> m.payload().contains("\"offline\""), 1, WAIT);
        LOG.info("Last Will seen: {}", offline);
        assertEquals(1, offline.size(), "Last Will published: " + office.all());
        return Schemas.assertValid("status", offline.get(0).payload());
    }
}
