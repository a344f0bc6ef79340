package io.branchbox.firmware.workorder;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * The next deadline of an order from the configured minutes and hours
 * ({@link BoxConfig.WorkOrderDeadlines}): what must be entered next and by when. Counting starts at
 * the stage before (dispatch after acceptance or reopening, arrival after the last dispatch,
 * callback after completion or the answer), except complaint feedback, which runs from the
 * acceptance (the brief: feedback to the customer within 24 hours).
 *
 * <p>Immutable and thread-safe.
 */
final class Deadlines {
    private final BoxConfig.WorkOrderDeadlines d;

    Deadlines(BoxConfig.WorkOrderDeadlines d) {
        this.d = d;
    }

    /** The deadline running for {@code o} now, or {@code null} when none does. */
    WorkOrder.Due due(OrderRecord o) {
        Instant since = o.statusSince;
        return switch (o.kind) {
            case REPAIR -> switch (o.status) {
                case ACCEPTED, REOPENED -> due(Stage.DISPATCH, since, Duration.ofMinutes(d.dispatchMin()));
                case DISPATCHED -> due(Stage.ARRIVE, since,
                        Duration.ofMinutes(o.area == Area.RURAL ? d.arrivalRuralMin() : d.arrivalTownMin()));
                case COMPLETED -> due(Stage.CALLBACK, o.completedAt, Duration.ofHours(d.repairCallbackH()));
                default -> null;
            };
            case COMPLAINT -> switch (o.status) {
                case ACCEPTED, REOPENED -> due(Stage.ASSIGN, since, Duration.ofMinutes(d.complaintAssignMin()));
                case ASSIGNED, HANDLED -> due(Stage.CALLBACK, o.acceptedAt, Duration.ofHours(d.complaintFeedbackH()));
                default -> null;
            };
            case INQUIRY -> switch (o.status) {
                case ACCEPTED, REOPENED -> due(Stage.PASS_ON, since, Duration.ofMinutes(d.inquiryPassMin()));
                case ANSWERED -> due(Stage.CALLBACK, since, Duration.ofHours(d.inquiryCallbackH()));
                default -> null;
            };
        };
    }

    /** Whether an order accepted at {@code accepted} for a call that ended at {@code callEnded} lags (案件滞后). */
    boolean caseLag(Instant callEnded, Instant accepted) {
        return callEnded != null && Duration.between(callEnded, accepted).compareTo(Duration.ofMinutes(d.caseRegistrationMin())) > 0;
    }

    private static WorkOrder.Due due(Stage stage, Instant from, Duration within) {
        return new WorkOrder.Due(stage, from.plus(within));
    }
}
