package io.branchbox.admin.status;

/**
 * Where the web admin reads the box's live state from; implemented by the firmware integration.
 *
 * <p>Contract: {@link #snapshot()} returns a consistent, immutable picture of the box at one
 * instant and never returns {@code null} (use {@link StatusView#empty()} before the core is up).
 *
 * <p>Threading: called from HTTP worker threads, concurrently, about once per second per open
 * status page. It must not block on the telephony threads or on I/O; the usual implementation
 * returns a snapshot that the core publishes into a volatile field.
 */
@FunctionalInterface
public interface BoxStatusSource {

    /** The current state of the box; never {@code null}. */
    StatusView snapshot();
}
