package io.branchbox.admin.reports;

import io.branchbox.firmware.kpi.Count;
import io.branchbox.firmware.kpi.Kpi;
import io.branchbox.firmware.kpi.KpiRow;
import io.branchbox.firmware.kpi.KpiSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Report rows as CSV (RFC 4180, UTF-8; an empty cell is no data) and as an xlsx workbook with the
 * rows on the first sheet ("KPIs") and every KPI's and count's definition on the second
 * ("Definitions"). Layout from {@link KpiTable}. Stateless; the caller closes the streams.
 */
public final class KpiExport {
    /** The xlsx content type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private KpiExport() {}

    public static void csv(List<KpiRow> rows, Writer out) throws IOException {
        line(out, List.copyOf(KpiTable.headers()));
        for (KpiRow r : rows) {
            line(out, KpiTable.cells(r));
        }
        out.flush();
    }

    public static void xlsx(List<KpiRow> rows, KpiSettings settings, OutputStream out) throws IOException {
        Workbook wb = workbook(out);
        table(wb.newWorksheet("KPIs"), KpiTable.headers(), rows.stream().map(KpiTable::cells).toList());
        Worksheet defs = wb.newWorksheet("Definitions");
        String[] head = {"key", "kind", "numerator", "denominator", "unit", "target", "good when", "definition"};
        for (int c = 0; c < head.length; c++) {
            defs.value(0, c, head[c]);
            defs.style(0, c).bold().set();
        }
        int r = 1;
        for (Kpi k : Kpi.values()) {
            defs.value(r, 0, k.key());
            defs.value(r, 1, "KPI");
            defs.value(r, 2, k.numerator().key());
            defs.value(r, 3, k.denominator().key());
            defs.value(r, 4, k.unit() == Kpi.Unit.PERCENT ? "%" : "s");
            double t = k.target(settings);
            if (!Double.isNaN(t)) {
                defs.value(r, 5, t);
            }
            defs.value(r, 6, k.direction() == Kpi.Direction.AT_LEAST ? "at least" : "at most");
            defs.value(r, 7, k.definition());
            r++;
        }
        for (Count c : Count.values()) {
            defs.value(r, 0, c.key());
            defs.value(r, 1, "count");
            defs.value(r, 7, c.definition());
            r++;
        }
        wb.finish();
    }

    /** A new workbook on {@code out} with the box as its author; the caller adds sheets and calls {@code finish()}. */
    public static Workbook workbook(OutputStream out) {
        return new Workbook(out, "branchbox", "1.0");
    }

    /**
     * Writes a bold header row and then {@code rows} on {@code sheet}: a {@link Number} as a number
     * cell (so a spreadsheet can sum it), anything else as text (never a formula), null as an empty
     * cell. The one xlsx table writer of the web admin (KPI reports, QA bulletins and reports).
     */
    public static void table(Worksheet sheet, List<String> headers, List<? extends List<?>> rows) {
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        for (int i = 0; i < rows.size(); i++) {
            List<?> cells = rows.get(i);
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v instanceof Number n) {
                    sheet.value(i + 1, c, n);
                } else if (v != null) {
                    sheet.value(i + 1, c, v.toString());
                }
            }
        }
    }

    private static void line(Writer out, List<?> cells) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object v = cells.get(i);
            String s = v == null ? "" : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            b.append(s);
        }
        out.write(b.append("\r\n").toString());
    }
}
