package io.branchbox.firmware.qa.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily QA bulletin: for each shift of {@code day}, the calls to praise (no fatal error and
 * at least {@link QaReports#PRAISE_AT} points) and the faults (a fatal error, or under the form's
 * comment threshold), from the calls of that shift that have been scored.
 */
public record Bulletin(LocalDate day, List<ShiftPart> shifts) {

    /**
     * One shift's part; {@code average} is null when no call of the shift was scored ("no data",
     * never 0 points).
     */
    public record ShiftPart(String shiftId, String shiftName, int scored, Double average, List<Entry> praise,
            List<Entry> faults) {}

    /**
     * One call in the bulletin: its agent, total, the fatal items marked and the items that lost
     * points (Chinese names, as the bulletin is read in the branch), and the inspector's comment.
     */
    public record Entry(String callId, String agentId, int total, List<String> fatal, List<String> missed,
            String comment) {}
}
