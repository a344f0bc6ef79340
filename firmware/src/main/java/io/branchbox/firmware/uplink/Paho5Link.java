package io.branchbox.firmware.uplink;

import java.util.Arrays;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttLink} over Paho's MQTT 5 client, the production protocol. Option choices are listed
 * on {@link PahoLinks}. A PUBACK whose reason code is 0x80 or above (e.g. not authorized, quota
 * exceeded) counts as a failed publish, so the message stays queued.
 */
final class Paho5Link implements MqttLink {

    private static final Logger log = LoggerFactory.getLogger(Paho5Link.class);

    private final UplinkSettings settings;
    private final SocketFactory sockets;
    private final Events events;
    private final MqttAsyncClient client;
    private volatile int sendQuota = Integer.MAX_VALUE;

    Paho5Link(UplinkSettings settings, SocketFactory sockets, Events events) throws UplinkException {
        this.settings = settings;
        this.sockets = sockets;
        this.events = events;
        try {
            client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new UplinkException(UplinkException.Reason.CONFIGURATION, "Paho 5 client: " + e.getMessage(), e);
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                events.lost(response.getException() != null ? response.getException()
                        : new IllegalStateException("broker disconnected: reason " + response.getReturnCode()));
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
                log.warn("MQTT 5 protocol error from broker: {}", e.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                events.messageArrived(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
                // confirmation is taken from the per-publish listener, which carries the tag
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                // the connect listener reports success; this callback would report it twice
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
                log.warn("Unexpected MQTT 5 AUTH packet, reason {}", reasonCode);
            }
        });
    }

    @Override
    public void connect(Message will) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        o.setConnectionTimeout(PahoLinks.CONNECT_TIMEOUT_S);
        MqttMessage willMessage = new MqttMessage(will.payload(), will.qos(), will.retained(), null);
        o.setWill(will.topic(), willMessage);
        if (!settings.username().isEmpty()) {
            o.setUserName(settings.username());
            o.setPassword(settings.password().bytes());
        }
        if (sockets != null) {
            o.setSocketFactory(sockets);
        }
        try {
            client.connect(o, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    MqttProperties p = token.getResponseProperties();
                    Integer receiveMaximum = p == null ? null : p.getReceiveMaximum();
                    if (receiveMaximum != null && receiveMaximum > 0) {
                        sendQuota = receiveMaximum;
                        log.info("Broker allows {} unconfirmed messages (MQTT 5 Receive Maximum)", receiveMaximum);
                    }
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
            client.publish(m.topic(), m.payload(), m.qos(), m.retained(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && Arrays.stream(codes).anyMatch(c -> c >= 0x80)) {
                        events.publishFailed(tag, new IllegalStateException("PUBACK reason " + Arrays.toString(codes)));
                    } else {
                        events.published(tag);
                    }
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
            client.subscribe(filter, 1, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    if (codes != null && Arrays.stream(codes).anyMatch(c -> c >= 0x80)) {
                        events.subscribeFailed(filter, new IllegalStateException("SUBACK reason " + Arrays.toString(codes)));
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
    public int sendQuota() {
        return sendQuota;
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
            log.debug("Paho 5 close: {}", e.getMessage());
        }
    }
}
