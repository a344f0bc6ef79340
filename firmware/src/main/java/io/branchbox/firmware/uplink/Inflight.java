package io.branchbox.firmware.uplink;

import java.util.HashSet;
import java.util.Set;

/**
 * What one connection has sent and the broker not yet confirmed, and how much more it may send.
 *
 * <p>Two kinds of message share the connection: queued reports (tagged with their positive outbox
 * id) limited by the window, and control messages outside the outbox (status, birth, command
 * replies, health snapshots; tagged with their negative id) limited to
 * {@link #MAX_CONTROL}. Together they must stay below the broker's send quota (MQTT 5 Receive
 * Maximum): Paho 5 refuses a publish beyond it, which would cost the connection.
 *
 * <p>Not thread-safe; used on the uplink's scheduler thread. Cleared when the link is replaced.
 */
final class Inflight {

    /** Control messages unconfirmed at most; the 3.1.1 client's limit has room for them. */
    static final int MAX_CONTROL = PahoLinks.CONTROL_MESSAGES - 4;

    /** Quota slots the window leaves free, so a command reply always fits. */
    private static final int RESERVED_FOR_CONTROL = 2;

    private final Set<Long> reports = new HashSet<>();
    private final Set<Long> control = new HashSet<>();

    /**
     * How many more reports may be sent now: {@code drainWindow} while more than
     * {@code inflightWindow} are queued (a backlog), else {@code inflightWindow}; never above the
     * quota left after control messages and the reserve, and at least one slot overall.
     */
    int freeForReports(UplinkSettings s, int queued, int sendQuota) {
        int window = queued > s.inflightWindow() ? s.drainWindow() : s.inflightWindow();
        long quota = (long) sendQuota - control.size() - RESERVED_FOR_CONTROL;
        return (int) Math.max(1, Math.min(window, quota)) - reports.size();
    }

    /** Records a control message about to be sent; false (nothing recorded) if there is no room. */
    boolean tryControl(long tag, int sendQuota) {
        if (control.size() >= MAX_CONTROL || reports.size() + control.size() >= sendQuota) {
            return false;
        }
        control.add(tag);
        return true;
    }

    void report(long tag) {
        reports.add(tag);
    }

    boolean isReport(long tag) {
        return reports.contains(tag);
    }

    /** The broker confirmed {@code tag} (either kind). */
    void confirmed(long tag) {
        reports.remove(tag);
        control.remove(tag);
    }

    void clear() {
        reports.clear();
        control.clear();
    }
}
