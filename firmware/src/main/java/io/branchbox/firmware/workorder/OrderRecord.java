package io.branchbox.firmware.workorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The projection's mutable state of one order; only {@link WorkOrderProjection} changes it, under
 * the book's lock. Everything else sees {@link WorkOrder} views.
 */
final class OrderRecord {
    final String number;
    final OrderKind kind;
    final String owner;
    final Source source;
    final String callId;
    final String callerNumber;
    final String callerName;
    final String address;
    final Area area;
    final String summary;
    final Instant acceptedAt;
    final boolean caseLag;
    final List<StageRecord> stages = new ArrayList<>();
    final List<WorkOrder.Correction> corrections = new ArrayList<>();
    OrderStatus status = OrderStatus.ACCEPTED;
    Instant statusSince;
    Instant completedAt;
    String shift;
    String crew = "";
    /** The deadline that was escalated as late, while it still runs; {@code null} when none. */
    WorkOrder.Due lateDue;
    boolean everLate;

    OrderRecord(String number, OrderKind kind, String owner, Source source, String callId, String callerNumber,
            String callerName, String address, Area area, String summary, Instant acceptedAt, boolean caseLag,
            String shift) {
        this.number = number;
        this.kind = kind;
        this.owner = owner;
        this.source = source;
        this.callId = callId;
        this.callerNumber = callerNumber;
        this.callerName = callerName;
        this.address = address;
        this.area = area;
        this.summary = summary;
        this.acceptedAt = acceptedAt;
        this.statusSince = acceptedAt;
        this.caseLag = caseLag;
        this.shift = shift;
    }

    Instant lastStageAt() {
        return stages.isEmpty() ? acceptedAt : stages.get(stages.size() - 1).at();
    }

    WorkOrder view(Deadlines deadlines) {
        WorkOrder.Due due = status.open() ? deadlines.due(this) : null;
        boolean late = lateDue != null && lateDue.equals(due);
        return new WorkOrder(number, kind, status, owner, shift, crew, source, callId, callerNumber, callerName,
                address, area, summary, acceptedAt, caseLag, due, late, everLate, stages, corrections);
    }
}
