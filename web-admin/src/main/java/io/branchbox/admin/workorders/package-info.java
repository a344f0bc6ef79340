/**
 * The work-order pages and API ({@code /workorders}, {@code /handover}, {@code /crew},
 * {@code /api/workorders/...}, {@code /api/handovers/...}) over
 * {@link io.branchbox.firmware.workorder.WorkOrderService}. Jetty threads; the book's lock is held
 * only for in-memory work. May import {@code admin.http.JsonBodies}, {@code admin.http.HttpProblem}
 * and the firmware's {@code workorder} package; never call control.
 */
package io.branchbox.admin.workorders;
