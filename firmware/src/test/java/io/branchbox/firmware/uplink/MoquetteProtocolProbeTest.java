package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/**
 * Records what the test broker speaks: Moquette 0.17 accepts MQTT 3.1.1 and refuses MQTT 5, which
 * is why the broker tests run the uplink's 3.1.1 link. If Moquette is upgraded to a release with
 * MQTT 5, this test fails and the broker tests should switch to {@code Protocol.MQTT_5}.
 */
class MoquetteProtocolProbeTest {

    @Test
    void moquette017RefusesMqtt5ButAccepts311() throws Exception {
        try (TestBroker broker = TestBroker.start(0)) {
            MqttClient v5 = new MqttClient(broker.uri(), "probe5", new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setConnectionTimeout(5);
            MqttException refused = assertThrows(MqttException.class, () -> v5.connect(o));
            v5.close(true);

            org.eclipse.paho.client.mqttv3.MqttClient v3 = new org.eclipse.paho.client.mqttv3.MqttClient(
                    broker.uri(), "probe3", new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            v3.connect();
            assertTrue(v3.isConnected());
            v3.disconnect();
            v3.close();
            assertEquals(true, refused.getReasonCode() != 0, "refusal reason: " + refused);
        }
    }
}
