package io.branchbox.admin.reports;

import io.branchbox.firmware.kpi.Count;
import io.branchbox.firmware.kpi.Kpi;
import io.branchbox.firmware.kpi.KpiRow;
import io.branchbox.firmware.kpi.KpiValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one tabular layout of report rows, for CSV and xlsx alike: period, from, to, by, group, every
 * KPI by key (a number rounded to 0.1, or null = no data / not applying), every count by key, then
 * the not-ready and failure breakdowns as "key=value; ..." text. Stateless.
 */
public final class KpiTable {
    private KpiTable() {}

    /** The header line. */
    public static List<String> headers() {
        List<String> h = new ArrayList<>(List.of("period", "from", "to", "by", "group"));
        for (Kpi k : Kpi.values()) {
            h.add(k.key());
        }
        for (Count c : Count.values()) {
            h.add(c.key());
        }
        h.add("notReadyByReason");
        h.add("failedByCause");
        return h;
    }

    /** The cells of one row, in header order: String, Double (or null) and Long values. */
    public static List<Object> cells(KpiRow r) {
        List<Object> out = new ArrayList<>(List.of(r.period(), r.from().toString(), r.to().toString(),
                r.group().by().key(), r.group().name()));
        for (Kpi k : Kpi.values()) {
            KpiValue v = r.value(k);
            out.add(v == null ? null : v.rounded());
        }
        for (Count c : Count.values()) {
            out.add(r.counts().get(c));
        }
        out.add(text(r.counts().notReadyByReason()));
        out.add(text(r.counts().failedByCause()));
        return out;
    }

    private static String text(Map<String, Long> m) {
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
