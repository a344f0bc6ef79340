package io.branchbox.firmware.uplink;

import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttLink} over Paho's MQTT 3.1.1 client, for brokers without MQTT 5 (Moquette 0.17,
 * which the tests use, is one). Option choices are listed on {@link PahoLinks}.
 */
final class Paho3Link implements MqttLink {

    private static final Logger log = LoggerFactory.getLogger(Paho3Link.class);

    private final UplinkSettings settings;
    private final SocketFactory sockets;
    private final Events events;
    private final MqttAsyncClient client;

    Paho3Link(UplinkSettings settings, SocketFactory sockets, Events events) throws UplinkException {
        this.settings = settings;
        this.sockets = sockets;
        this.events = events;
        try {
            client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new UplinkException(UplinkException.Reason.CONFIGURATION, "Paho 3 client: " + e.getMessage(), e);
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                events.lost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.messageArrived(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // confirmation is taken from the per-publish listener, which carries the tag
            }
        });
    }

    @Override
    public void connect(Message will) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout(PahoLinks.CONNECT_TIMEOUT_S);
        o.setMaxInflight(Math.max(settings.inflightWindow(), settings.drainWindow()) + PahoLinks.CONTROL_MESSAGES);
        o.setWill(will.topic(), will.payload(), will.qos(), will.retained());
        if (!settings.username().isEmpty()) {
            o.setUserName(settings.username());
            o.setPassword(settings.password().chars());
        }
        if (sockets != null) {
            o.setSocketFactory(sockets);
        }
        try {
            client.connect(o, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    events.connected();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    events.connectFailed(e);
                }
            });
        } catch (MqttException e) {
            events.connectFailed(e);
        }
    }

    @Override
    public void publish(Message m, long tag) {
        try {
            client.publish(m.topic(), m.payload(), m.qos(), m.retained(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    events.published(tag);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    events.publishFailed(tag, e);
                }
            });
        } catch (MqttException e) {
            events.publishFailed(tag, e);
        }
    }

    @Override
    public void subscribe(String filter) {
        try {
            client.subscribe(filter, 1, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    if (granted != null && granted.length > 0 && granted[0] == 0x80) {
                        events.subscribeFailed(filter, new IllegalStateException("broker refused the subscription"));
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    events.subscribeFailed(filter, e);
                }
            });
        } catch (MqttException e) {
            events.subscribeFailed(filter, e);
        }
    }

    @Override
    public void disconnect() {
        try {
            if (client.isConnected()) {
                client.disconnect(200).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            log.info("DISCONNECT not confirmed ({}); closing anyway", e.getMessage());
        }
        close();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 100, false);
            }
            client.close(true);
        } catch (MqttException e) {
            log.debug("Paho 3 close: {}", e.getMessage());
        }
    }
}
