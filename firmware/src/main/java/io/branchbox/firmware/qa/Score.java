package io.branchbox.firmware.qa;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One score of one call, as journaled by {@link QaEventTypes#SCORED} or {@link QaEventTypes#CHANGED}.
 *
 * @param scoreId     client-given id; the same id submitted twice is one score
 * @param callId      the call
 * @param agentId     the agent whose call it is
 * @param formId      the form's id
 * @param formVersion the form version it was scored with (kept when the form changes later)
 * @param points      item id → points, normal items
 * @param fatal       fatal item ids marked (any makes {@code total} 0)
 * @param marks       times in the call with comments
 * @param total       the total
 * @param comment     the inspector's (or shift lead's) comment, "" for none
 * @param by          who scored
 * @param at          when
 * @param live        scored while listening live
 * @param replaces    the score this one changed ({@link QaEventTypes#CHANGED}), null for a first score
 */
public record Score(String scoreId, String callId, String agentId, String formId, int formVersion,
        Map<String, Integer> points, Set<String> fatal, List<Mark> marks, int total, String comment,
        String by, Instant at, boolean live, String replaces) {

    public Score {
        Objects.requireNonNull(scoreId, "scoreId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(formId, "formId");
        points = Map.copyOf(new TreeMap<>(points));
        fatal = Set.copyOf(new TreeSet<>(fatal));
        marks = List.copyOf(marks);
        comment = comment == null ? "" : comment;
    }

    /** Whether a fatal error was marked. */
    public boolean anyFatal() {
        return !fatal.isEmpty();
    }
}
