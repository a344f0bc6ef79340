package io.branchbox.firmware.uplink;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alarms that could not be put into the outbox (disk full, uplink not yet running) wait here, in
 * order, and are offered again with the next alarm and on every {@link #retry}: an alarm is never
 * dropped because the outbox refused it once (issue 13, problem 6). Bounded to
 * {@link #CAPACITY}; beyond that the oldest waiting alarm is dropped and counted, so a long
 * outage cannot eat the memory the calls need.
 *
 * <p>Threading: synchronized; the box calls it on the uplink thread.
 */
public final class AlarmBacklog {
    private static final Logger log = LoggerFactory.getLogger(AlarmBacklog.class);
    public static final int CAPACITY = 256;

    private final Deque<Alarm> waiting = new ArrayDeque<>();
    private final Predicate<Alarm> publish;
    private long dropped;

    /** {@code publish}: puts one alarm into the outbox, false if it could not. */
    public AlarmBacklog(Predicate<Alarm> publish) {
        this.publish = publish;
    }

    /** Publishes {@code a} after everything still waiting, or keeps it. */
    public synchronized void offer(Alarm a) {
        retry();
        if (waiting.isEmpty() && publish.test(a)) {
            return;
        }
        if (waiting.size() == CAPACITY) {
            waiting.removeFirst();
            if (dropped++ == 0) {
                log.error("alarm backlog full ({} alarms): dropping the oldest until the outbox takes them", CAPACITY);
            }
        }
        waiting.addLast(a);
    }

    /** Offers the waiting alarms again, oldest first; returns how many still wait. */
    public synchronized int retry() {
        while (!waiting.isEmpty() && publish.test(waiting.peekFirst())) {
            waiting.removeFirst();
        }
        return waiting.size();
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    /** Alarms dropped because the backlog was full. */
    public synchronized long dropped() {
        return dropped;
    }
}
