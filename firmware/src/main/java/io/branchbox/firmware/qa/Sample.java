package io.branchbox.firmware.qa;

import io.branchbox.firmware.config.ShiftCalendar.ShiftDay;
import java.time.Instant;

/**
 * A call drawn into a sample plan.
 *
 * @param callId   the call
 * @param agentId  whose call it is
 * @param plan     the month plan, {@code 2026-12}
 * @param shift    the shift the call was answered in
 * @param reason   why it was drawn
 * @param at       when it was drawn
 * @param by       who drew it ({@code system} for the planner run by the box)
 * @param lost     its recording was deleted before it was scored (a replacement is drawn)
 * @param replaces the lost sample this one replaces, null otherwise
 */
public record Sample(String callId, String agentId, String plan, ShiftDay shift, SampleReason reason,
        Instant at, String by, boolean lost, String replaces) {

    Sample asLost() {
        return new Sample(callId, agentId, plan, shift, reason, at, by, true, replaces);
    }
}
