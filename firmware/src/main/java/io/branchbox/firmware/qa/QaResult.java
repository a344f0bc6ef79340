package io.branchbox.firmware.qa;

import java.time.Instant;
import java.util.List;

/**
 * One call's QA result as the book holds it: the score in force (the shift lead's change if
 * there was one), the first score, where the sign-off stands and every step with who and when.
 */
public record QaResult(String callId, String agentId, Score current, Score first, SignOff state, List<Step> steps) {

    /** One step of the sign-off: the event type, who, when, their comment ("" for none). */
    public record Step(String type, String by, Instant at, String comment) {}

    public QaResult {
        steps = List.copyOf(steps);
    }
}
