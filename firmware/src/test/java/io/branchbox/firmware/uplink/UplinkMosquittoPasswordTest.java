package io.branchbox.firmware.uplink;

import static io.branchbox.firmware.uplink.BrokerTests.WAIT;
import static io.branchbox.firmware.uplink.BrokerTests.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ExecutorScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usual production set-up against a real broker: {@code ssl://} with the broker verified
 * against the office CA, and the box authenticated by user name and password (a Mosquitto
 * password file made with {@code mosquitto_passwd}), over MQTT 5. A wrong password is refused and
 * the status says why. Fails instead of skipping under {@code CI=true} without Mosquitto.
 */
class UplinkMosquittoPasswordTest {

    private static final String USER = "box-s1-b1";
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    @BeforeEach
    void needMosquitto() {
        MosquittoBroker.require();
    }

    @Test
    void tlsWithUserAndPasswordConnectsAndDelivers() throws Exception {
        Path tls = TlsSocketsTest.tls("ca.pem").getParent();
        try (MosquittoBroker broker = MosquittoBroker.startWithTlsAndPasswords(dir, tls, Map.of(USER, PASSWORD));
                Subscriber office = new Subscriber(broker.uri(), "branchbox/s1/b1/health");
                ExecutorScheduler scheduler = new ExecutorScheduler("uplink-pw", Clock.systemUTC())) {
            UplinkService uplink = new UplinkService(settings(broker, tls, PASSWORD),
                    Files.createDirectories(dir.resolve("data")), scheduler, Map::of, null);
            uplink.start();
            assertTrue(eventually(() -> uplink.status().state() == UplinkState.CONNECTED), "status " + uplink.status());
            assertTrue(uplink.publishHealth(Map.of("auth", "password")));
            Schemas.assertValid("health", office.await(m -> true, 1, WAIT).get(0).payload());
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void wrongPasswordIsRefusedWithAClearReason() throws Exception {
        Path tls = TlsSocketsTest.tls("ca.pem").getParent();
        try (MosquittoBroker broker = MosquittoBroker.startWithTlsAndPasswords(dir, tls, Map.of(USER, PASSWORD));
                ExecutorScheduler scheduler = new ExecutorScheduler("uplink-badpw", Clock.systemUTC())) {
            UplinkService uplink = new UplinkService(settings(broker, tls, "wrong password"),
                    Files.createDirectories(dir.resolve("data")), scheduler, Map::of, null);
            uplink.start();
            assertTrue(eventually(() -> !uplink.status().lastError().isEmpty()), "status " + uplink.status());
            UplinkStatus st = uplink.status();
            assertNotEquals(UplinkState.CONNECTED, st.state());
            assertTrue(st.lastError().toLowerCase(Locale.ROOT).contains("not authorized")
                    || st.lastError().toLowerCase(Locale.ROOT).contains("user name or password"),
                    "refusal reason in the status: " + st.lastError());
            assertFalse(st.lastError().contains("wrong password"), "the password itself is never shown");
            uplink.stop().get(10, TimeUnit.SECONDS);
        }
    }

    private static UplinkSettings settings(MosquittoBroker broker, Path tls, String password) {
        UplinkSettings d = BrokerTests.settings(broker.tlsUri(), Duration.ofMillis(500));
        UplinkSettings s = new UplinkSettings(true, UplinkSettings.Protocol.MQTT_5, broker.tlsUri(), d.clientId(),
                USER, Secret.of(password), d.topicPrefix(), d.siteId(), d.boxId(), d.keepAlive(),
                new UplinkSettings.TlsOptions(tls.resolve("ca.pem"), null, null, null),
                d.reconnectMin(), d.reconnectMax(), d.healthInterval(), 10, 100);
        assertEquals("***", s.password().toString());
        return s;
    }
}
