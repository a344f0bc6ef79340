package io.branchbox.rig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.firmware.uplink.UplinkState;
import io.branchbox.rig.mqtt.MosquittoProcess;
import io.branchbox.rig.mqtt.TestSubscriber;
import io.branchbox.rig.sim.SimulatedSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A box started without its web admin ({@link BoxRuntime} alone, as a box whose web admin is off)
 * still reports to the central office: the uplink is a service of the runtime, not of the web
 * admin's launcher. Against a real Mosquitto broker: the box says online, sends health with the
 * board's state and an alarm raised on the box, shows the uplink as connected in its snapshot, and
 * says offline when it stops.
 */
class UplinkWithoutWebAdminEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aBoxWithoutItsWebAdminReportsOverMqtt() throws Exception {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(MosquittoProcess.installed(), "no mosquitto here (apt-get install mosquitto)");
        }
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        Path data = dir.resolve("data");
        try (MosquittoProcess broker = MosquittoProcess.start(brokerDir);
                TestSubscriber office = TestSubscriber.subscribe(broker.uri(), "branchbox/#");
                SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(broker.uri(), 0, 1);
            try (BoxRuntime box = BoxRuntime.start(config, data, site.hardware(config))) {
                site.wireBoardLines();
                assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("qtp")),
                        "no web server runs in this box");

                List<TestSubscriber.Received> online = office.await(
                        m -> m.topic().endsWith("/status") && m.payload().contains("online"), 1, Duration.ofSeconds(30));
                assertEquals(1, online.size(), "the box said online: " + office.all());
                assertTrue(online.get(0).topic().startsWith("branchbox/demo-site/demo-box/"), online.get(0).topic());

                List<TestSubscriber.Received> health = office.await(m -> m.topic().endsWith("/health")
                        && m.payload().contains("\"state\":\"ONLINE\""), 1, Duration.ofSeconds(30));
                assertEquals(1, health.size(), "health with the board online: " + office.all());

                box.faults().raise("TEST_NO_WEB_ADMIN", Alarm.Severity.MINOR, "raised by the test", Map.of());
                List<TestSubscriber.Received> alarm = office.await(m -> m.topic().endsWith("/alarm")
                        && m.payload().contains("TEST_NO_WEB_ADMIN"), 1, Duration.ofSeconds(30));
                assertEquals(1, alarm.size(), "the alarm reached the office: " + office.all());

                // the snapshot carries the uplink's state as a typed value; it is taken twice a second
                List<TestSubscriber.Received> connected = office.await(m -> m.topic().endsWith("/health"), 2,
                        Duration.ofSeconds(30));
                assertEquals(2, connected.size());
                assertEquals(UplinkState.CONNECTED, box.snapshot().uplink().state(), "snapshot " + box.snapshot().uplink());
            }
            List<TestSubscriber.Received> offline = office.await(
                    m -> m.topic().endsWith("/status") && m.payload().contains("offline"), 1, Duration.ofSeconds(30));
            assertEquals(1, offline.size(), "the box said offline when it stopped: " + office.all());
        }
    }
}
