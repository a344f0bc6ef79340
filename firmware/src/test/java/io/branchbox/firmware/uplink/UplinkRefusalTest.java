package io.branchbox.firmware.uplink;

import static io.branchbox.firmware.uplink.BrokerTests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ExecutorScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a real Mosquitto that refuses the box's password, or presents a certificate the box
 * does not trust, gives one clear alarm however often the box retries, not one per attempt.
 */
@Tag("faults")
class UplinkRefusalTest {
    private static final String USER = "box-s1-b1";
    private static final String PASSWORD = "correct horse battery staple";
    private static final int ATTEMPTS = 5;

    @TempDir
    Path dir;

    @BeforeEach
    void needMosquitto() {
        MosquittoBroker.require();
    }

    @Test
    void aRefusedPasswordGivesOneAlarmOverManyRetries() throws Exception {
        List<Alarm> alarms = refusedAfterRetries(UplinkSettings.Protocol.MQTT_5, "ca.pem", "wrong password");
        assertEquals(1, alarms.size(), "one alarm, not one per attempt: " + alarms);
        Alarm a = alarms.get(0);
        assertEquals(BrokerRefusal.ALARM_CODE, a.code());
        assertEquals(Alarm.Severity.MAJOR, a.severity());
        assertEquals("CREDENTIALS", a.details().get("refusal"));
        assertTrue(a.text().contains("user name or password") && a.text().contains(USER), a.text());
        assertFalse(a.text().contains("wrong password"), "the password is never shown");
    }

    @Test
    void aRefusedPasswordOverMqtt311GivesOneAlarmToo() throws Exception {
        List<Alarm> alarms = refusedAfterRetries(UplinkSettings.Protocol.MQTT_3_1_1, "ca.pem", "wrong password");
        assertEquals(1, alarms.size(), alarms.toString());
        assertEquals("CREDENTIALS", alarms.get(0).details().get("refusal"));
    }

    @Test
    void aCertificateTheBoxDoesNotTrustGivesOneAlarm() throws Exception {
        // the box trusts only its own certificate, not the CA that signed the broker's
        List<Alarm> alarms = refusedAfterRetries(UplinkSettings.Protocol.MQTT_5, "box.pem", PASSWORD);
        assertEquals(1, alarms.size(), alarms.toString());
        assertEquals("CERTIFICATE", alarms.get(0).details().get("refusal"));
        assertTrue(alarms.get(0).text().contains("does not trust"), alarms.get(0).text());
    }

    private List<Alarm> refusedAfterRetries(UplinkSettings.Protocol protocol, String trusted, String password)
            throws Exception {
        Path tls = TlsSocketsTest.tls("ca.pem").getParent();
        List<Alarm> alarms = new CopyOnWriteArrayList<>();
        try (MosquittoBroker broker = MosquittoBroker.startWithTlsAndPasswords(dir, tls, Map.of(USER, PASSWORD));
                ExecutorScheduler scheduler = new ExecutorScheduler("uplink-refused", Clock.systemUTC())) {
            UplinkService uplink = new UplinkService(settings(broker, protocol, tls.resolve(trusted), password),
                    Files.createDirectories(dir.resolve("data")), scheduler, Map::of, null);
            uplink.onRefusal(alarms::add);
            uplink.start();
            assertTrue(eventually(() -> uplink.connectAttempts() >= ATTEMPTS), "retries go on: " + uplink.status());
            assertTrue(uplink.status().state() != UplinkState.CONNECTED);
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
        return List.copyOf(alarms);
    }

    private static UplinkSettings settings(MosquittoBroker broker, UplinkSettings.Protocol protocol, Path ca,
            String password) {
        UplinkSettings d = BrokerTests.settings(broker.tlsUri(), Duration.ofMillis(200));
        return new UplinkSettings(true, protocol, broker.tlsUri(), d.clientId(), USER, Secret.of(password),
                d.topicPrefix(), d.siteId(), d.boxId(), d.keepAlive(), new UplinkSettings.TlsOptions(ca, null, null, null),
                d.reconnectMin(), d.reconnectMax(), d.healthInterval(), 10, 100);
    }
}
