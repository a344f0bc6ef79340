/**
 * Configuring the box on the web: the configuration document checked, saved as a revision with
 * its audit record, applied live, compared and rolled back ({@link io.branchbox.admin.config.ConfigService}),
 * and the "test connection" of the uplink.
 *
 * <p>Threads: called on Jetty's worker threads; saves are serialized by the service. May import
 * {@code firmware.config} (the document, its parser, revisions) and {@code firmware.uplink} (the
 * probe); never the web layer ({@code admin.web} imports this package, not the other way round).
 */
package io.branchbox.admin.config;
