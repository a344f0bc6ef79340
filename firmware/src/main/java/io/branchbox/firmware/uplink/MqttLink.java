package io.branchbox.firmware.uplink;

/**
 * One MQTT connection attempt and, if it succeeds, the connection: the narrow waist between
 * {@link UplinkService} and a protocol library (Paho MQTT 5 or Paho MQTT 3.1.1).
 *
 * <p>A link is used once: {@link #connect} exactly once, then publishes, then {@link #close}.
 * After a failure or loss the service closes the link and makes a new one, so no library-side
 * reconnect state is ever involved. Implementations keep no messages of their own (in-memory
 * library persistence, no offline buffer): the {@link Outbox} is the only store.
 *
 * <p>Threading: methods may be called from any thread (the service calls them from its
 * scheduler thread). {@link Events} are called on library threads and must not block.
 */
public interface MqttLink extends AutoCloseable {

    /** A message to publish; the payload array is not copied and must not change. */
    record Message(String topic, byte[] payload, int qos, boolean retained) {}

    /** What the link reports, on a library thread. */
    interface Events {
        /** The broker accepted the connection. */
        void connected();

        /** This attempt failed (refused, unreachable, TLS); no further events follow. */
        void connectFailed(Throwable cause);

        /** An established connection dropped without {@link #close}. */
        void lost(Throwable cause);

        /** Message {@code tag} is confirmed: PUBACK for QoS 1, written for QoS 0. */
        void published(long tag);

        /** Message {@code tag} was not confirmed and will not be; the caller may send it again. */
        void publishFailed(long tag, Throwable cause);

        /** A message arrived on a subscribed topic; the array belongs to the receiver. */
        void messageArrived(String topic, byte[] payload);

        /** The broker refused or failed the subscription to {@code filter}. */
        void subscribeFailed(String filter, Throwable cause);
    }

    /** Creates links; {@link PahoLinks#create} is the production factory. */
    @FunctionalInterface
    interface Factory {
        MqttLink create(UplinkSettings settings, Events events) throws UplinkException;
    }

    /** Starts connecting with {@code will} as Last Will; returns at once. */
    void connect(Message will);

    /** Starts publishing; returns at once. Failures are reported through {@link Events}. */
    void publish(Message message, long tag);

    /**
     * Subscribes to {@code filter} at QoS 1; returns at once. Only after {@link Events#connected};
     * the session is clean, so the subscription must be renewed on every connection. Failures are
     * reported through {@link Events#subscribeFailed}.
     */
    void subscribe(String filter);

    /**
     * How many QoS 1 messages the broker lets this connection have unconfirmed (MQTT 5 Receive
     * Maximum from CONNACK); {@link Integer#MAX_VALUE} when the broker sets no limit. Valid after
     * {@link Events#connected}.
     */
    default int sendQuota() {
        return Integer.MAX_VALUE;
    }

    /**
     * Ends the session politely: sends DISCONNECT (which tells the broker not to publish the
     * Will) within a short bounded wait, then releases the link.
     */
    void disconnect();

    /** Releases the link without DISCONNECT; idempotent. */
    @Override
    void close();
}
