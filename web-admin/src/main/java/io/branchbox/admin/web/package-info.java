/**
 * The web admin's server and router: {@code AdminServer} (Javalin, HTTPS), {@code AdminRoutes}
 * (every route with its permission, {@code Access}), sessions, the menu ({@code Navigation}) and
 * server-sent push ({@code EventHub}).
 *
 * <p>Threads: Jetty's request threads; {@code web-push} pushes snapshots; {@code console-timeouts}
 * bounds console requests.
 *
 * <p>May import: every {@code admin} area (it wires them), {@code admin.http},
 * firmware's {@code config}, {@code console}, {@code qa}, {@code workorder} contracts. The areas
 * never import it (use {@code admin.http}).
 */
package io.branchbox.admin.web;
