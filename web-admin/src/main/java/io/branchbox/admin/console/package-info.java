/**
 * The agent console's web side: the {@code /api/console/...} routes over
 * {@link io.branchbox.firmware.console.AgentConsole}, their input checks and their JSON views.
 *
 * <p>Binding: a web user with role AGENT or above acts as the configured agent whose id equals
 * the user name. The agent id always comes from the login session, never from the request; the
 * only id a request may name is the agent a supervisor monitors.
 */
package io.branchbox.admin.console;
