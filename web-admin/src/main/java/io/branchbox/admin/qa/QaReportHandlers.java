package io.branchbox.admin.qa;

import io.branchbox.admin.reports.KpiExport;
import io.branchbox.firmware.qa.QaService;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The quality managers' bulletin and monthly report (QA_MANAGE), as JSON for the page and as CSV,
 * xlsx and PDF downloads. The day defaults to yesterday, the month to this month (site's zone).
 *
 * <p>Threading: Jetty's request threads. A download's headers are set only once its file is
 * made, so a refusal (e.g. no CJK font for the PDF) is never saved as the file.
 */
public final class QaReportHandlers {
    private final QaRequests requests;

    QaReportHandlers(QaRequests requests) {
        this.requests = requests;
    }

    public void bulletin(Context ctx) {
        ctx.json(qa().reports().bulletin(bulletinDay(ctx)));
    }

    public void bulletinCsv(Context ctx) {
        LocalDate d = bulletinDay(ctx);
        attachment(ctx, "text/csv; charset=utf-8", "qa-bulletin-" + d + ".csv");
        ctx.result(QaExports.bulletinCsv(qa().reports().bulletin(d)));
    }

    public void bulletinXlsx(Context ctx) {
        LocalDate d = bulletinDay(ctx);
        byte[] file = QaWorkbooks.bulletin(qa().reports().bulletin(d));
        attachment(ctx, KpiExport.XLSX, "qa-bulletin-" + d + ".xlsx");
        ctx.result(file);
    }

    public void bulletinPdf(Context ctx) {
        LocalDate d = bulletinDay(ctx);
        byte[] file = QaExports.bulletinPdf(qa().reports().bulletin(d));
        attachment(ctx, "application/pdf", "qa-bulletin-" + d + ".pdf");
        ctx.result(file);
    }

    public void report(Context ctx) {
        YearMonth m = requests.month(ctx);
        ctx.json(Map.of("report", qa().reports().monthly(m), "completion", qa().completion(m)));
    }

    public void reportCsv(Context ctx) {
        YearMonth m = requests.month(ctx);
        attachment(ctx, "text/csv; charset=utf-8", "qa-report-" + m + ".csv");
        ctx.result(QaExports.monthlyCsv(qa().reports().monthly(m), qa().completion(m)));
    }

    public void reportXlsx(Context ctx) {
        YearMonth m = requests.month(ctx);
        byte[] file = QaWorkbooks.monthly(qa().reports().monthly(m), qa().completion(m));
        attachment(ctx, KpiExport.XLSX, "qa-report-" + m + ".xlsx");
        ctx.result(file);
    }

    public void reportPdf(Context ctx) {
        YearMonth m = requests.month(ctx);
        byte[] file = QaExports.monthlyPdf(qa().reports().monthly(m), qa().completion(m));
        attachment(ctx, "application/pdf", "qa-report-" + m + ".pdf");
        ctx.result(file);
    }

    private QaService qa() {
        return requests.service();
    }

    private LocalDate bulletinDay(Context ctx) {
        return QaRequests.day(ctx, "day", requests.today().minusDays(1));
    }

    /** Headers of a download; set only once the file is made. */
    private static void attachment(Context ctx, String type, String name) {
        ctx.contentType(type);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
