package io.branchbox.rig.bench;

/**
 * How the bench's port probe counts the time its own work takes on the box's threads, so that it
 * can be told apart from the box's: the wall time of each short span ({@link System#nanoTime}, a
 * few tens of nanoseconds, where the JVM's thread CPU clock is a system call of about 2.5 µs on
 * this machine and, at thousands of spans a second, would itself cost more than a percent of a
 * core). A span is tens of microseconds; one longer than {@link #PREEMPTED_NANOS} had the thread
 * preempted inside it and is left out rather than counted as work, which makes the probe's share
 * an estimate a little on the low side (the box's a little on the high side).
 *
 * <p>Threading: stateless.
 */
final class ProbeTime {
    /** A span longer than this had the thread off its core. */
    static final long PREEMPTED_NANOS = 1_000_000;

    private ProbeTime() {}

    /** Nanoseconds since {@code start} ({@code System.nanoTime()}), or 0 when the thread was preempted in between. */
    static long span(long start) {
        long d = System.nanoTime() - start;
        return d > PREEMPTED_NANOS ? 0 : d;
    }
}
