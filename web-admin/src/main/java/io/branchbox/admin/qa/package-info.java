/**
 * The web side of quality monitoring: the {@code /qa} page's API ({@link io.branchbox.admin.qa.QaHandlers};
 * live listening in {@link io.branchbox.admin.qa.QaLiveHandlers}, the bulletin and monthly report
 * routes in {@link io.branchbox.admin.qa.QaReportHandlers}, what they share in {@code QaRequests}),
 * the plan and call-list views ({@link io.branchbox.admin.qa.QaViews}) and the exports of the
 * bulletin and monthly report as CSV and PDF ({@link io.branchbox.admin.qa.QaExports}) and xlsx
 * ({@link io.branchbox.admin.qa.QaWorkbooks}, through {@code admin.reports.KpiExport}'s table writer). Texts are the
 * {@code qa} area of the shared catalogue ({@code i18n/qa_*.properties}).
 *
 * <p>Runs on Jetty's request threads; talks to {@code firmware.qa.QaService} only. Permissions are
 * declared per route in {@code admin.web.AdminRoutes}; this package enforces what a route cannot:
 * an agent reads and signs off only their own results (refusals are logged).
 * Imports {@code firmware.qa}, {@code admin.http.HttpProblem}, {@code admin.http.JsonBodies},
 * {@code admin.reports.KpiExport} (the xlsx table writer), Javalin, OpenPDF, fastexcel.
 */
package io.branchbox.admin.qa;
