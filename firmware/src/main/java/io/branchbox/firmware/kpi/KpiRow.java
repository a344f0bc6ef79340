package io.branchbox.firmware.kpi;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of a report: a period, a group (the branch, an agent, a queue or a shift), the counts
 * and every KPI that applies to the group ({@link Grouping#applies}).
 *
 * @param period "2026-12-01" for one day, "2026-12-01/2026-12-07" for several (ISO-8601 interval of dates)
 */
public record KpiRow(String period, LocalDate from, LocalDate to, Group group, Counts counts, List<KpiValue> values) {
    public KpiRow {
        values = List.copyOf(values);
    }

    /** The value of {@code k} in this row, or null when it does not apply to the group. */
    public KpiValue value(Kpi k) {
        return values.stream().filter(v -> v.kpi() == k).findFirst().orElse(null);
    }
}
