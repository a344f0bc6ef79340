package io.branchbox.firmware.qa;

import io.branchbox.firmware.qa.sample.SamplePlanner;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * QA completion of a period: {@code scored} distinct agent-answered calls of the period with a
 * score, of {@code planned} = ceil(samplePercent × answered / 100). {@code percent} may pass 100.
 */
public record QaCompletion(int answered, int planned, int scored, double percent) {

    /** Completion from the period's answered calls and every QA result. */
    public static QaCompletion of(Collection<CallFacts> answered, Collection<QaResult> results, double samplePercent) {
        Set<String> ids = new HashSet<>();
        answered.forEach(c -> ids.add(c.callId()));
        int scored = (int) results.stream().filter(r -> ids.contains(r.callId())).count();
        int planned = SamplePlanner.planned(samplePercent, ids.size());
        double pct = planned == 0 ? 100.0 : Math.round(1000.0 * scored / planned) / 10.0;
        return new QaCompletion(ids.size(), planned, scored, pct);
    }
}
