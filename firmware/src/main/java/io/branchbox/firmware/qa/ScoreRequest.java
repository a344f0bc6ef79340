package io.branchbox.firmware.qa;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A score as an inspector (or a shift lead changing one) submits it.
 *
 * @param scoreId     the client's id for this submission (a UUID): the same id twice is recorded once
 * @param callId      the call
 * @param formId      the form
 * @param formVersion the version shown to the inspector (0: the latest)
 * @param points      item → points
 * @param fatal       fatal items marked
 * @param marks       marks at times in the call
 * @param comment     the comment ("" for none)
 * @param live        scored while listening live
 */
public record ScoreRequest(String scoreId, String callId, String formId, int formVersion, Map<String, Integer> points,
        Set<String> fatal, List<Mark> marks, String comment, boolean live) {
    public ScoreRequest {
        Objects.requireNonNull(scoreId, "scoreId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(formId, "formId");
        points = points == null ? Map.of() : Map.copyOf(points);
        fatal = fatal == null ? Set.of() : Set.copyOf(fatal);
        marks = marks == null ? List.of() : List.copyOf(marks);
        comment = comment == null ? "" : comment;
        if (!scoreId.matches("[A-Za-z0-9-]{8,64}")) {
            throw new QaException(QaException.Kind.INVALID, "scoreId: 8 to 64 letters, digits or '-'");
        }
        if (comment.length() > 2000) {
            throw new QaException(QaException.Kind.INVALID, "a comment is at most 2000 characters");
        }
    }
}
