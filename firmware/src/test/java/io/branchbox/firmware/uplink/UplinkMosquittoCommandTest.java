package io.branchbox.firmware.uplink;

import static io.branchbox.firmware.uplink.BrokerTests.WAIT;
import static io.branchbox.firmware.uplink.BrokerTests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchbox.time.ExecutorScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed command through a real broker over MQTT 5: the box subscribes on connect, carries
 * out {@code health} and answers on {@code cmd-reply}; the same command sent again is answered
 * as a replay.
 */
class UplinkMosquittoCommandTest {

    private static final String KEY = "office-key-for-box-s1-b1-0123456789";

    @TempDir
    Path dir;

    @BeforeEach
    void needMosquitto() {
        MosquittoBroker.require();
    }

    @Test
    void signedHealthCommandIsAnsweredAndItsReplayRefused() throws Exception {
        Path key = Files.writeString(dir.resolve("cmd.key"), KEY);
        try (MosquittoBroker broker = MosquittoBroker.start(dir);
                Subscriber office = new Subscriber(broker.uri(), "branchbox/s1/b1/#");
                ExecutorScheduler scheduler = new ExecutorScheduler("uplink-cmd", Clock.systemUTC())) {
            UplinkSettings settings = BrokerTests.settings(broker.uri(), Duration.ofMillis(200))
                    .withProtocol(UplinkSettings.Protocol.MQTT_5)
                    .withCommands(CommandSettings.enabledWithKey(key));
            UplinkService uplink = new UplinkService(settings, Files.createDirectories(dir.resolve("data")),
                    scheduler, Map::of, () -> Map.of("cpuLoad", 0.2), CommandHandler.NONE);
            uplink.start();
            assertTrue(eventually(() -> uplink.status().state() == UplinkState.CONNECTED), "status " + uplink.status());

            ObjectNode cmd = JsonNodeFactory.instance.objectNode().put("schema", "branchbox.command/1")
                    .put("id", "op-42").put("site", "s1").put("box", "b1")
                    .put("ts", Instant.now().plusMillis(50).toString()).put("cmd", "health");
            cmd.putObject("args");
            byte[] signed = CommandSigner.signInPlace(Secret.of(KEY), cmd).toString().getBytes(StandardCharsets.UTF_8);
            try (MqttClient operator = new MqttClient(broker.uri(), "operator", new MemoryPersistence())) {
                operator.connect();
                // the box subscribes right after CONNACK; a command sent before that is lost, so
                // it is sent again until the first reply shows the subscription is in place
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (office.await(m -> m.topic().endsWith("/cmd-reply"), 1, Duration.ofMillis(500)).isEmpty()
                        && System.nanoTime() < deadline) {
                    operator.publish("branchbox/s1/b1/cmd/health", signed, 1, false);
                }
                int answered = office.await(m -> m.topic().endsWith("/cmd-reply"), 1, WAIT).size();
                operator.publish("branchbox/s1/b1/cmd/health", signed, 1, false);
                List<Subscriber.Received> replies = office.await(m -> m.topic().endsWith("/cmd-reply"),
                        answered + 1, WAIT);
                JsonNode first = Schemas.assertValid("cmd-reply", replies.get(0).payload());
                JsonNode second = Schemas.assertValid("cmd-reply", replies.get(replies.size() - 1).payload());
                assertEquals("op-42", first.get("command").asText());
                assertEquals("ok", first.get("status").asText());
                assertEquals("replay", second.get("reason").asText());
                long healthId = first.get("result").get("healthId").asLong();
                assertTrue(office.await(m -> m.topic().endsWith("/health")
                        && Schemas.parse(m.payload()).get("id").asLong() == healthId, 1, WAIT).size() == 1);
                operator.disconnect();
            }
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
    }
}
