package io.branchbox.firmware.workorder;

import java.time.Instant;
import java.util.Optional;

/**
 * Which shift is on duty at an instant and who leads it: late stages escalate to that lead, new
 * orders are held by that shift, handovers go from one shift to the next.
 */
public interface ShiftRota {
    /** The shift on duty at {@code at}, if any is configured for that time. */
    Optional<OnDuty> onDuty(Instant at);

    /** A shift occurrence on duty: its key ({@code 2026-12-07/morning}), its id and its lead's agent id. */
    record OnDuty(String key, String shiftId, String lead) {}
}
