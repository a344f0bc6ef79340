package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UplinkSettingsTest {

    private static final UplinkSettings OK = UplinkSettings.defaults("tcp://broker.example:1883", "s1", "b1");

    @Test
    void passwordNeverAppearsInToString() {
        UplinkSettings s = new UplinkSettings(true, UplinkSettings.Protocol.MQTT_5, "ssl://h:8883", "c", "u",
                Secret.of("hunter2"), "bb", "s", "b", OK.keepAlive(),
                new UplinkSettings.TlsOptions(null, null, null, Secret.of("keypass")),
                OK.reconnectMin(), OK.reconnectMax(), OK.healthInterval(), 10, 100);
        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertFalse(s.toString().contains("keypass"), s.toString());
        assertEquals("***", s.password().toString());
        assertTrue(s.usesTls());
    }

    @Test
    void defaultsAreValid() throws UplinkException {
        OK.validate();
    }

    @Test
    void rejectsWrongSchemeTopicWildcardsAndMissingTlsFile() {
        assertReason(OK.withServerUri("http://h:1883"));
        assertReason(OK.withServerUri("tcp://h"));
        assertReason(new UplinkSettings(true, UplinkSettings.Protocol.MQTT_5, OK.serverUri(), "c", "", null,
                "bb", "site+", "b", OK.keepAlive(), null, OK.reconnectMin(), OK.reconnectMax(),
                OK.healthInterval(), 10, 100));
        assertReason(new UplinkSettings(true, UplinkSettings.Protocol.MQTT_5, "ssl://h:8883", "c", "", null,
                "bb", "s", "b", OK.keepAlive(),
                new UplinkSettings.TlsOptions(Path.of("/nonexistent/ca.pem"), null, null, null),
                OK.reconnectMin(), OK.reconnectMax(), OK.healthInterval(), 10, 100));
    }

    private static void assertReason(UplinkSettings s) {
        UplinkException e = assertThrows(UplinkException.class, s::validate);
        assertEquals(UplinkException.Reason.CONFIGURATION, e.reason());
    }
}
