/**
 * Reports of the service figures (docs/KPIS.md) for people: the tabular layout shared by CSV and
 * xlsx ({@link io.branchbox.admin.reports.KpiTable}), the exports
 * ({@link io.branchbox.admin.reports.KpiExport}), the reports page's routes
 * ({@link io.branchbox.admin.reports.ReportHandlers}) and the {@code report} command's work
 * ({@link io.branchbox.admin.reports.ReportCommand}).
 *
 * <p>Threads: Jetty's request threads and the command line's main thread; everything here reads
 * figures ({@code firmware.kpi}) and never touches call control. May import {@code firmware.kpi},
 * {@code firmware.config}, {@code admin.web}'s problem type, Jackson, Javalin and fastexcel.
 */
package io.branchbox.admin.reports;
