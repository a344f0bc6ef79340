/**
 * The live status the pages show: {@code BoxStatusSource} (the latest snapshot as views) and the
 * lines' view, supplied by the launcher.
 *
 * <p>Threads: read from Jetty's and {@code web-push}'s threads; values are immutable.
 *
 * <p>May import: the JDK only (plain values).
 */
package io.branchbox.admin.status;
