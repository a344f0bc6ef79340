package io.branchbox.firmware.uplink;

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

/** The central office in miniature: a Paho 3.1.1 subscriber that collects messages for assertions. */
final class Subscriber implements AutoCloseable {

    /** One received message. */
    record Received(String topic, String payload, boolean retained) {}

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    Subscriber(String uri, String filter) throws MqttException {
        client = new MqttClient(uri, "sub-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o);
        client.subscribe(filter, 1, (topic, m) -> {
            synchronized (received) {
                received.add(new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained()));
                received.notifyAll();
            }
        });
    }

    /** Waits until {@code count} messages match, at most {@code timeout}; returns all matching. */
    List<Received> await(Predicate<Received> match, int count, Duration timeout) throws InterruptedException {
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

    List<Received> all() {
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
