package io.branchbox.firmware.uplink;

import javax.net.SocketFactory;

/**
 * The production {@link MqttLink.Factory}: Paho MQTT 5 or Paho MQTT 3.1.1 after
 * {@link UplinkSettings#protocol()}, with the TLS socket factory built from the settings.
 *
 * <p>The Paho defaults this replaces deliberately, for both protocol levels (see docs/MQTT.md):
 * <ul>
 *   <li>automatic reconnect off: {@link UplinkService} reconnects with its own backoff and makes a
 *       new link per attempt, so every attempt carries a fresh Will with a fresh id;</li>
 *   <li>offline (disconnected) buffer off, the Paho default, kept: the durable {@link Outbox}
 *       is the only buffer, and a second, volatile one would only hide what is really queued;</li>
 *   <li>clean start / clean session with session expiry 0, the Paho default, kept: the broker
 *       keeps nothing for the box; unconfirmed messages are resent from the outbox after a
 *       reconnect, and their ids let the office drop duplicates;</li>
 *   <li>in-flight window: the service never has more than
 *       {@link UplinkSettings#inflightWindow()} queued messages unconfirmed
 *       ({@link UplinkSettings#drainWindow()} while a backlog drains), plus status, birth and
 *       command replies; the 3.1.1 client's own limit (default 10) is raised above that so it
 *       never refuses a publish; under MQTT 5 the service keeps below the broker's Receive
 *       Maximum ({@link MqttLink#sendQuota()}), which Paho 5 enforces by refusing publishes;</li>
 *   <li>in-memory library persistence instead of Paho's default file persistence: one durable
 *       store is enough, and the outbox's is forced and torn-tail safe.</li>
 * </ul>
 */
public final class PahoLinks {

    /** Seconds Paho waits for CONNACK before it fails the attempt (Paho's default is 30). */
    static final int CONNECT_TIMEOUT_S = 20;

    /**
     * Extra in-flight room for messages sent outside the window: status, birth, and up to
     * {@link #CONTROL_MESSAGES} - 4 command replies and health snapshots.
     */
    static final int CONTROL_MESSAGES = 20;

    private PahoLinks() {}

    /** Creates a link for one connection attempt. */
    public static MqttLink create(UplinkSettings settings, MqttLink.Events events) throws UplinkException {
        SocketFactory sockets = settings.usesTls() ? TlsSockets.factory(settings.tls()) : null;
        return switch (settings.protocol()) {
            case MQTT_5 -> new Paho5Link(settings, sockets, events);
            case MQTT_3_1_1 -> new Paho3Link(settings, sockets, events);
        };
    }
}
