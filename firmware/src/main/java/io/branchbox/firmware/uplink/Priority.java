package io.branchbox.firmware.uplink;

/**
 * Drain order of the outbox, most urgent first: every queued alarm goes out before any figure,
 * every figure before any health report. Within one priority the order is FIFO.
 *
 * <p>When the outbox is full the opposite order decides what is sacrificed: the oldest health
 * report first, then the oldest figures, and alarms only when nothing else is left.
 */
public enum Priority {
    ALARM("alarm"),
    FIGURES("figures"),
    HEALTH("health");

    private final String topicLeaf;

    Priority(String topicLeaf) {
        this.topicLeaf = topicLeaf;
    }

    /** The last topic level for messages of this priority, e.g. {@code "alarm"}. */
    public String topicLeaf() {
        return topicLeaf;
    }
}
