package io.branchbox.firmware.workorder;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The work-order state machine as one table: for each kind, the stages allowed in each status and
 * the status each one leads to. A stage not in the table for the order's status is refused
 * ({@link Refusal.Reason#STAGE_NOT_ALLOWED}) before anything is journaled, so an order is never
 * half moved. {@link Stage#ACCEPT} creates an order and is in no row.
 *
 * <p>{@link Stage#CALLBACK} leads to the table's status only when the customer was reached and
 * satisfied; not satisfied reopens the order (back to dispatch / assignment / the department),
 * not reached leaves it where it is (the attempt is journaled, the callback stays due).
 *
 * <p>Immutable and thread-safe.
 */
public final class Transitions {
    private Transitions() {}

    private static final Map<OrderKind, Map<OrderStatus, Map<Stage, OrderStatus>>> TABLE = new EnumMap<>(OrderKind.class);

    static {
        kind(OrderKind.REPAIR)
                .row(OrderStatus.ACCEPTED, Stage.DISPATCH, OrderStatus.DISPATCHED)
                // a dispatch before arrival may name another crew (a correction is a new event)
                .row(OrderStatus.DISPATCHED, Stage.DISPATCH, OrderStatus.DISPATCHED)
                .row(OrderStatus.DISPATCHED, Stage.ARRIVE, OrderStatus.ON_SITE)
                .row(OrderStatus.ON_SITE, Stage.COMPLETE, OrderStatus.COMPLETED)
                .row(OrderStatus.COMPLETED, Stage.CALLBACK, OrderStatus.CLOSED)
                .row(OrderStatus.REOPENED, Stage.DISPATCH, OrderStatus.DISPATCHED);
        kind(OrderKind.COMPLAINT)
                .row(OrderStatus.ACCEPTED, Stage.ASSIGN, OrderStatus.ASSIGNED)
                .row(OrderStatus.ASSIGNED, Stage.HANDLE, OrderStatus.HANDLED)
                .row(OrderStatus.HANDLED, Stage.CALLBACK, OrderStatus.FED_BACK)
                .row(OrderStatus.FED_BACK, Stage.CLOSE, OrderStatus.CLOSED)
                .row(OrderStatus.REOPENED, Stage.ASSIGN, OrderStatus.ASSIGNED);
        kind(OrderKind.INQUIRY)
                .row(OrderStatus.ACCEPTED, Stage.PASS_ON, OrderStatus.PASSED_ON)
                .row(OrderStatus.PASSED_ON, Stage.ANSWER_RECEIVED, OrderStatus.ANSWERED)
                .row(OrderStatus.ANSWERED, Stage.CALLBACK, OrderStatus.CLOSED)
                .row(OrderStatus.REOPENED, Stage.PASS_ON, OrderStatus.PASSED_ON);
    }

    /**
     * The status {@code stage} leads to from {@code status} for an order of {@code kind}, or empty
     * when the stage is not allowed there. For {@link Stage#CALLBACK} see {@link #afterCallback}.
     */
    public static Optional<OrderStatus> next(OrderKind kind, OrderStatus status, Stage stage) {
        return Optional.ofNullable(TABLE.get(kind).getOrDefault(status, Map.of()).get(stage));
    }

    /** The status after a callback with {@code outcome}, given the table's status for a satisfied customer. */
    public static OrderStatus afterCallback(OrderStatus current, OrderStatus satisfied, CallbackOutcome outcome) {
        return switch (outcome) {
            case REACHED_SATISFIED -> satisfied;
            case REACHED_NOT_SATISFIED -> OrderStatus.REOPENED;
            case NO_ANSWER, WRONG_NUMBER -> current;
        };
    }

    /** The stages allowed for {@code kind} in {@code status}, in table order (for the pages' buttons). */
    public static java.util.Set<Stage> allowed(OrderKind kind, OrderStatus status) {
        return TABLE.get(kind).getOrDefault(status, Map.of()).keySet();
    }

    private static Rows kind(OrderKind k) {
        Map<OrderStatus, Map<Stage, OrderStatus>> rows = new EnumMap<>(OrderStatus.class);
        TABLE.put(k, rows);
        return new Rows(rows);
    }

    private record Rows(Map<OrderStatus, Map<Stage, OrderStatus>> rows) {
        Rows row(OrderStatus from, Stage stage, OrderStatus to) {
            rows.computeIfAbsent(from, f -> new EnumMap<>(Stage.class)).put(stage, to);
            return this;
        }
    }
}
