package io.branchbox.firmware.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns day books into report rows: the counts of every day in the period summed per group, and
 * each KPI taken of the sums (never an average of daily ratios). A period without any call or
 * agent time still gives the branch's row, with every KPI "no data". Stateless.
 */
public final class KpiReports {
    private KpiReports() {}

    /** The key of a period: the day, or "from/to". */
    public static String periodKey(LocalDate from, LocalDate to) {
        return from.equals(to) ? from.toString() : from + "/" + to;
    }

    /**
     * The rows of {@code from}..{@code to} (inclusive) cut by {@code by}, from {@code days} (days
     * outside the period are ignored). Rows sorted by group name; the branch's one row for ALL.
     */
    public static List<KpiRow> rows(Map<LocalDate, Map<Group, Counts>> days, LocalDate from, LocalDate to,
            Grouping by, KpiSettings settings) {
        Counts all = new Counts();
        TreeMap<Group, Counts> sums = new TreeMap<>();
        days.forEach((day, groups) -> {
            if (day.isBefore(from) || day.isAfter(to)) {
                return;
            }
            groups.forEach((g, c) -> {
                if (g.by() == Grouping.ALL) {
                    all.plus(c);
                }
                if (g.by() == by) {
                    sums.computeIfAbsent(g, k -> new Counts()).plus(c);
                }
            });
        });
        if (by == Grouping.ALL) {
            sums.put(Group.ALL, all);
        }
        List<KpiRow> rows = new ArrayList<>();
        String key = periodKey(from, to);
        sums.forEach((g, c) -> rows.add(new KpiRow(key, from, to, g, c, values(c, by, settings))));
        return rows;
    }

    private static List<KpiValue> values(Counts c, Grouping by, KpiSettings s) {
        List<KpiValue> out = new ArrayList<>();
        for (Kpi k : Kpi.values()) {
            if (by.applies(k)) {
                out.add(k.of(c, s));
            }
        }
        return out;
    }
}
