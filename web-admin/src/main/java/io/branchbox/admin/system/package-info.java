/**
 * The web admin's system area ({@code /api/system…}, permission {@code SYSTEM_ADMIN}): the
 * appliance's status (version, first boot, backups), backups made and downloaded, and the
 * factory reset.
 *
 * <p>{@link io.branchbox.admin.system.SystemHandlers} runs on Jetty's request threads and reaches
 * the box only through {@link io.branchbox.admin.system.SystemAdmin}, implemented by
 * {@code io.branchbox.box}. Imports: {@code admin.web} (routes, access) and Javalin.
 */
package io.branchbox.admin.system;
