package io.branchbox.rig.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.firmware.uplink.UplinkService;
import io.branchbox.firmware.uplink.UplinkSettings;
import io.branchbox.firmware.uplink.UplinkState;
import io.branchbox.time.ExecutorScheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rig's broker and subscriber with a real box uplink between them. */
class EmbeddedBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void boxUplinkReachesTheOfficeThroughTheEmbeddedBroker() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
                TestSubscriber office = TestSubscriber.subscribe(broker.uri(), "rig/#");
                ExecutorScheduler scheduler = new ExecutorScheduler("rig-uplink", Clock.systemUTC())) {
            UplinkSettings d = UplinkSettings.defaults(broker.uri(), "north", "box7");
            UplinkSettings settings = new UplinkSettings(true, UplinkSettings.Protocol.MQTT_3_1_1, broker.uri(),
                    "rig-box7", "", null, "rig", "north", "box7", d.keepAlive(), null,
                    Duration.ofMillis(200), Duration.ofSeconds(1), d.healthInterval(), 10, 1000);
            UplinkService uplink = new UplinkService(settings, dir, scheduler, () -> Map.of("rig", true), null);
            uplink.start();

            List<TestSubscriber.Received> status = office.awaitLeaf("status", 1, WAIT);
            assertEquals(1, status.size(), "messages: " + office.all());
            assertTrue(status.get(0).payload().contains("\"online\""));
            assertEquals("rig/north/box7/status", status.get(0).topic());

            uplink.publishAlarm(new Alarm("FAN_FAIL", Alarm.Severity.MINOR, "fan 2 stopped", Map.of()));
            assertEquals(1, office.awaitLeaf("alarm", 1, WAIT).size());
            assertEquals(UplinkState.CONNECTED, uplink.status().state());
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void persistentBrokerKeepsRetainedMessagesAcrossRestartOnTheSamePort() throws Exception {
        int port;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("broker"))) {
            port = broker.port();
            org.eclipse.paho.client.mqttv3.MqttClient c = new org.eclipse.paho.client.mqttv3.MqttClient(
                    broker.uri(), "retainer", new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            c.connect();
            c.publish("rig/keep", "kept".getBytes(), 1, true);
            c.disconnect();
            c.close();
        }
        try (EmbeddedBroker again = EmbeddedBroker.start(port, dir.resolve("broker"));
                TestSubscriber late = TestSubscriber.subscribe(again.uri(), "rig/keep")) {
            assertEquals(port, again.port());
            List<TestSubscriber.Received> kept = late.await(m -> true, 1, WAIT);
            assertEquals(1, kept.size());
            assertEquals("kept", kept.get(0).payload());
        }
    }
}
