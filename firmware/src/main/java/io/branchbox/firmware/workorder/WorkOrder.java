package io.branchbox.firmware.workorder;

import java.time.Instant;
import java.util.List;

/**
 * One work order as the journal says it is now (an immutable view of the projection).
 *
 * @param number      the order number, digits only so a crew can key it on a phone
 * @param owner       the agent who took the call and owns the order until it closes (首问负责制)
 * @param shift       the shift occurrence holding the order ({@code 2026-12-07/morning}); it
 *                    changes only when a handover listing the order is acknowledged
 * @param crew        the crew last dispatched; empty before dispatch
 * @param callId      the call the order came from (its recording bears the same id); may be empty
 * @param caseLag     accepted more than the configured minutes after its call ended (案件滞后)
 * @param due         the next deadline, or {@code null} when none runs
 * @param late        the next deadline has passed and was escalated
 * @param stages      every stage in journal order
 * @param corrections every correction in journal order
 */
public record WorkOrder(String number, OrderKind kind, OrderStatus status, String owner, String shift, String crew,
        Source source, String callId, String callerNumber, String callerName, String address, Area area,
        String summary, Instant acceptedAt, boolean caseLag, Due due, boolean late, boolean everLate,
        List<StageRecord> stages, List<Correction> corrections) {

    public WorkOrder {
        stages = List.copyOf(stages);
        corrections = List.copyOf(corrections);
    }

    /** A correction of stage event {@code ref} (its journal sequence number): a new event, the stage stays as entered. */
    public record Correction(long seq, long ref, Instant at, String by, String text) {}

    /** A deadline: {@code stage} must be entered by {@code at}. */
    public record Due(Stage stage, Instant at) {}

    /** The last stage of {@code stage}, or {@code null}. */
    public StageRecord last(Stage stage) {
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (stages.get(i).stage() == stage) {
                return stages.get(i);
            }
        }
        return null;
    }
}
