package io.branchbox.firmware.kpi;

import static io.branchbox.firmware.kpi.KpiEvents.*;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Follows work orders through their journal events and decides, once, whether each repair order
 * was called back (and the customer reached) within 24 h of completion, and whether each complaint
 * got its feedback within 24 h of being accepted. A decision is made at the moment it becomes
 * certain: the reaching callback or the feedback (on time), or the deadline passing (late, or
 * called back but not reached). So an order counts on one day only, and a closed day never changes.
 * Not thread-safe; the ledger owns it.
 */
final class WorkOrderClock {
    static final Duration WINDOW = Duration.ofHours(24);

    /** A decided order: {@code onTime} is called back (repair) or feedback given (complaint) in time. */
    record Decided(boolean repair, String agent, Instant at, boolean onTime, boolean reached) {}

    private static final class Order {
        final String kind;
        final String agent;
        Instant due;
        boolean calledBack;
        boolean decided;

        Order(String kind, String agent) {
            this.kind = kind;
            this.agent = agent;
        }
    }

    private final Map<String, Order> orders = new HashMap<>();
    private final PriorityQueue<Map.Entry<Instant, String>> deadlines = new PriorityQueue<>(Map.Entry.comparingByKey());

    /** Takes one work-order event; decisions go to {@code out}. */
    void accept(JournalEvent e, Consumer<Decided> out) {
        advance(e.at(), out);
        String id = e.attr(ORDER);
        if (id == null) {
            return;
        }
        switch (e.type()) {
            case WORKORDER_CREATED, WORKORDER_ACCEPTED -> {
                Order o = orders.computeIfAbsent(id, k -> new Order(String.valueOf(e.attr(KIND)), e.agentId()));
                if (COMPLAINT.equals(o.kind)) {
                    open(id, o, e.at());
                }
            }
            case WORKORDER_STAGE -> {
                Order o = orders.get(id);
                if (o != null && REPAIR.equals(o.kind) && COMPLETED.equals(e.attr(STAGE))) {
                    open(id, o, e.at());
                } else if (o != null && COMPLAINT.equals(o.kind) && FEEDBACK.equals(e.attr(STAGE)) && o.due != null) {
                    decide(id, o, e.at(), true, false, out);
                }
            }
            case WORKORDER_COMPLETED -> {
                Order o = orders.get(id);
                if (o != null && REPAIR.equals(o.kind)) {
                    open(id, o, e.at());
                }
            }
            case WORKORDER_CALLBACK -> {
                Order o = orders.get(id);
                if (o != null && REPAIR.equals(o.kind) && o.due != null) {
                    o.calledBack = true;
                    if (REACHED.equals(e.attr(OUTCOME)) || "true".equals(e.attr(REACHED_FLAG))) {
                        decide(id, o, e.at(), true, true, out);
                    }
                } else if (o != null && COMPLAINT.equals(o.kind) && o.due != null && "true".equals(e.attr(REACHED_FLAG))) {
                    // the book's complaint feedback is its call that reached the customer (Stage.CALLBACK on a complaint)
                    decide(id, o, e.at(), true, false, out);
                }
            }
            default -> { }
        }
    }

    /** Decides every order whose deadline is at or before {@code now}. */
    void advance(Instant now, Consumer<Decided> out) {
        while (!deadlines.isEmpty() && !deadlines.peek().getKey().isAfter(now)) {
            Map.Entry<Instant, String> d = deadlines.poll();
            Order o = orders.get(d.getValue());
            if (o != null && !o.decided && d.getKey().equals(o.due)) {
                decide(d.getValue(), o, o.due, o.calledBack, false, out);
            }
        }
    }

    private void open(String id, Order o, Instant at) {
        if (o.due == null) {
            o.due = at.plus(WINDOW);
            deadlines.add(Map.entry(o.due, id));
        }
    }

    private void decide(String id, Order o, Instant at, boolean onTime, boolean reached, Consumer<Decided> out) {
        o.decided = true;
        orders.remove(id);
        out.accept(new Decided(REPAIR.equals(o.kind), o.agent, at, onTime, reached));
    }
}
