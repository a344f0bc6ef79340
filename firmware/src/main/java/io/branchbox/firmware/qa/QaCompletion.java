package io.branchbox.firmware.qa;

import java.time.Instant;
import java.util.Collection;

/**
 * QA completion of a period: the one definition, used by the KPI fold ({@code kpi.Kpi#QA_COMPLETION},
 * counts {@code qaScored} / {@code qaPlanned}) and by the QA pages and reports; written out in
 * docs/KPIS.md.
 *
 * <ul>
 *   <li><b>answered</b>: the period's agent-answered calls (the KPI's {@code handled});
 *   <li><b>planned</b> (denominator) = ceil({@value #PLANNED_PERCENT} % × answered), the brief's
 *       share, whatever share the sample plan draws ({@code qa.samplePercent} may draw more);
 *   <li><b>scored</b> (numerator) = distinct calls whose <em>first</em> score falls in the period:
 *       a call counts once however often it is scored or changed, in the period it was scored
 *       (not the one it was answered in), so a closed day's figure never changes.
 * </ul>
 * {@code percent} (one decimal) may pass 100. With nothing planned (no agent-answered call) it
 * is {@code null}, "no data" (issue 16's rule: never shown as 0 % or 100 %); readers show
 * {@code 无数据} / "no data" ({@link #hasData()}).
 */
public record QaCompletion(int answered, int planned, int scored, Double percent) {
    /** The brief's share of agent-answered calls to score. */
    public static final int PLANNED_PERCENT = 5;

    /** Calls to score for {@code answered} agent-answered calls: {@value #PLANNED_PERCENT} %, rounded up. */
    public static long planned(long answered) {
        return (answered * PLANNED_PERCENT + 99) / 100;
    }

    /** Completion from the period's counts. */
    public static QaCompletion of(int answered, int scored) {
        int planned = (int) planned(answered);
        Double pct = planned == 0 ? null : Math.round(1000.0 * scored / planned) / 10.0;
        return new QaCompletion(answered, planned, scored, pct);
    }

    /** Whether there is a figure: something was planned. Without, {@link #percent()} is null. */
    public boolean hasData() {
        return percent != null;
    }

    /** The numerator for the period [{@code from}, {@code to}): results first scored in it. */
    public static int scoredIn(Collection<QaResult> results, Instant from, Instant to) {
        return (int) results.stream().map(r -> r.first().at())
                .filter(at -> !at.isBefore(from) && at.isBefore(to)).count();
    }
}
