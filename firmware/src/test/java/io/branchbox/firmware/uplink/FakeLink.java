package io.branchbox.firmware.uplink;

import java.util.ArrayList;
import java.util.List;

/** An {@link MqttLink} that records calls; the test plays the broker through {@link #events}. */
final class FakeLink implements MqttLink {

    /** A publish call. */
    record Sent(Message message, long tag) {}

    final MqttLink.Events events;
    final List<Sent> sent = new ArrayList<>();
    final List<String> subscriptions = new ArrayList<>();
    int sendQuota = Integer.MAX_VALUE;
    Message will;
    boolean closed;
    boolean disconnected;

    FakeLink(MqttLink.Events events) {
        this.events = events;
    }

    @Override
    public void connect(Message will) {
        this.will = will;
    }

    @Override
    public void publish(Message message, long tag) {
        sent.add(new Sent(message, tag));
    }

    @Override
    public void subscribe(String filter) {
        subscriptions.add(filter);
    }

    @Override
    public int sendQuota() {
        return sendQuota;
    }

    @Override
    public void disconnect() {
        disconnected = true;
        closed = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Queued-message publishes (positive tags), in order. */
    List<Sent> reports() {
        return sent.stream().filter(s -> s.tag() > 0).toList();
    }
}
