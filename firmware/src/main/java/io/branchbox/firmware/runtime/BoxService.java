package io.branchbox.firmware.runtime;

/**
 * A part of the box that {@link BoxRuntime} starts after its storage and its call engine, in the
 * order the services were added ({@link BoxRuntime#addService}), and closes in reverse before the
 * engine: the uplink to the central office (always, the runtime's own), the web admin (added by
 * the launcher, absent on a box without one).
 *
 * <p>Contract: {@link #start} runs once, on the starting thread, when every accessor of the
 * runtime answers; it may do I/O (open a port, read files) and returns once the service works
 * (or runs in the background on threads of its own); a failure fails the box's start, which then
 * closes what it had started. {@link #close} runs once, returns quickly (a few seconds at most:
 * the service manager's stop timeout covers the whole box) and never throws.
 */
public interface BoxService extends AutoCloseable {
    /** A short name for the logs ("uplink", "web admin"). */
    String name();

    /**
     * Optional, called once on the {@code box-start} thread while the storage opens, before
     * {@link #start}: the service may load its classes and read its own files (the web admin's
     * libraries take seconds to load on a slow box, and the database's open leaves a core idle).
     * It must not touch the runtime. A failure is logged and ignored: {@link #start} does the work.
     */
    default void prepare() throws Exception {}

    /** Starts the service on a box whose storage and engine are up. */
    void start(BoxRuntime box) throws Exception;

    @Override
    void close();
}
