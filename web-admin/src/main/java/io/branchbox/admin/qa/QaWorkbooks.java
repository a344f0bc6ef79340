package io.branchbox.admin.qa;

import io.branchbox.admin.reports.KpiExport;
import io.branchbox.firmware.qa.QaCompletion;
import io.branchbox.firmware.qa.report.Bulletin;
import io.branchbox.firmware.qa.report.MonthlyReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;

/**
 * The bulletin and the monthly report as xlsx workbooks, for the quality staff who keep their
 * own spreadsheets: the same rows as the CSV ({@link QaExports}) with counts and scores as number
 * cells, plus the figures a spreadsheet would otherwise have to parse out of text (per shift; per
 * agent and week; the month's completion). Written with the admin's one xlsx table writer,
 * {@link KpiExport#table}. Stateless; the workbook is built in memory (a month of one branch is a
 * few hundred rows).
 */
final class QaWorkbooks {
    private QaWorkbooks() {}

    static byte[] bulletin(Bulletin b) {
        return write(wb -> {
            KpiExport.table(wb.newWorksheet("质检日报"), QaExports.BULLETIN_HEADERS, QaExports.bulletinRows(b));
            List<List<Object>> shifts = new ArrayList<>();
            for (Bulletin.ShiftPart s : b.shifts()) {
                shifts.add(List.of(b.day().toString(), s.shiftName(), s.scored(), QaExports.orNoData(s.average()), s.praise().size(),
                        s.faults().size()));
            }
            KpiExport.table(wb.newWorksheet("班次"), List.of("日期", "班次", "质检量", "平均分", "表扬", "差错"), shifts);
        });
    }

    static byte[] monthly(MonthlyReport r, QaCompletion c) {
        return write(wb -> {
            KpiExport.table(wb.newWorksheet("坐席月报"), QaExports.MONTHLY_HEADERS, QaExports.monthlyRows(r));
            List<List<Object>> weeks = new ArrayList<>();
            for (MonthlyReport.AgentPart a : r.agents()) {
                for (MonthlyReport.WeekAverage w : a.trend()) {
                    weeks.add(List.of(a.agentId(), w.monday().toString(), w.scored(), w.average()));
                }
            }
            KpiExport.table(wb.newWorksheet("周趋势"), List.of("坐席", "周一", "质检量", "平均分"), weeks);
            KpiExport.table(wb.newWorksheet("质检完成率"), List.of("月份", "坐席接听", "计划质检", "已质检", "完成率%"),
                    List.of(List.of(r.month().toString(), c.answered(), c.planned(), c.scored(), QaExports.orNoData(c.percent()))));
        });
    }

    private interface Sheets {
        void add(Workbook wb);
    }

    private static byte[] write(Sheets sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = KpiExport.workbook(out);
        sheets.add(wb);
        try {
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("xlsx could not be written", e);
        }
        return out.toByteArray();
    }
}
