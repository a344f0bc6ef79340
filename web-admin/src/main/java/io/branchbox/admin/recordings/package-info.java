/**
 * Recordings for supervisors: search, listen, download, export, legal hold, with the access
 * log.
 *
 * <p>Threads: Jetty's request threads (database reads, file streaming).
 *
 * <p>May import: {@code admin.http}, firmware's {@code recording}, {@code store}, {@code audio}.
 */
package io.branchbox.admin.recordings;
