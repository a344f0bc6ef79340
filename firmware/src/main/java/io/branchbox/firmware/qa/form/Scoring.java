package io.branchbox.firmware.qa.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arithmetic of one score against one form version, and the rules a submitted score must
 * keep: every normal item given 0..its points, only the form's fatal items marked, a comment when
 * the total is under the form's threshold. A marked fatal item makes the total 0.
 */
public final class Scoring {
    private Scoring() {}

    /** The total of {@code points} (item id → points) with {@code fatal} marked: 0 if any fatal item. */
    public static int total(Map<String, Integer> points, Set<String> fatal) {
        return fatal.isEmpty() ? points.values().stream().mapToInt(Integer::intValue).sum() : 0;
    }

    /** Everything wrong with the score, in words; empty when it may be recorded. */
    public static List<String> problems(ScoringForm form, Map<String, Integer> points, Set<String> fatal, String comment) {
        List<String> out = new ArrayList<>();
        for (ScoringForm.Item i : form.items()) {
            if (i.fatal()) {
                continue;
            }
            Integer p = points.get(i.id());
            if (p == null) {
                out.add("item " + i.id() + " has no points");
            } else if (p < 0 || p > i.points()) {
                out.add("item " + i.id() + ": " + p + " is outside 0.." + i.points());
            }
        }
        for (String id : points.keySet()) {
            if (form.item(id).filter(i -> !i.fatal()).isEmpty()) {
                out.add("item " + id + " is not a scored item of " + form.key());
            }
        }
        for (String id : fatal) {
            if (form.item(id).filter(ScoringForm.Item::fatal).isEmpty()) {
                out.add("item " + id + " is not a fatal item of " + form.key());
            }
        }
        if (out.isEmpty() && total(points, fatal) < form.commentBelow() && (comment == null || comment.isBlank())) {
            out.add("a total under " + form.commentBelow() + " needs a comment");
        }
        return out;
    }
}
