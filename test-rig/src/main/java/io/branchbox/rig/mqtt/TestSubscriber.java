package io.branchbox.rig.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The central office in miniature: an MQTT 3.1.1 subscriber (works with Moquette and with MQTT 5
 * brokers) that collects every message on one topic filter, for assertions and the demo.
 *
 * <p>Threading: messages are collected on Paho's thread; {@link #await} and {@link #all} may be
 * called from any thread. {@link #await} waits at most the given time and never sleeps longer.
 */
public final class TestSubscriber implements AutoCloseable {

    /** One received message; {@code payload} decoded as UTF-8. */
    public record Received(String topic, String payload, boolean retained) {}

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    private TestSubscriber(String uri, String filter) throws MqttException {
        client = new MqttClient(uri, "office-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        client.connect(o);
        client.subscribe(filter, 1, (topic, m) -> {
            synchronized (received) {
                received.add(new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained()));
                received.notifyAll();
            }
        });
    }

    /** Connects to {@code uri} and subscribes to {@code filter} at QoS 1; returns when subscribed. */
    public static TestSubscriber subscribe(String uri, String filter) throws MqttException {
        return new TestSubscriber(uri, filter);
    }

    /**
     * Waits until at least {@code count} received messages match, or {@code timeout} is over.
     *
     * @return every matching message so far (possibly fewer than {@code count} on timeout)
     */
    public List<Received> await(Predicate<Received> match, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                List<Received> hits = received.stream().filter(match).toList();
                long left = deadline - System.nanoTime();
                if (hits.size() >= count || left <= 0) {
                    return hits;
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Shorthand: messages whose topic ends with {@code "/" + leaf}, e.g. {@code "health"}. */
    public List<Received> awaitLeaf(String leaf, int count, Duration timeout) throws InterruptedException {
        return await(m -> m.topic().endsWith("/" + leaf), count, timeout);
    }

    /** Everything received so far, in arrival order. */
    public List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
