/**
 * Injected time and the box's threads: {@link io.branchbox.time.Scheduler} (timers and posting
 * work to one thread, monotonic time), {@link io.branchbox.time.ExecutorScheduler} (one named
 * daemon thread), and {@link io.branchbox.time.ThreadNames}, the name of every thread the box and
 * its rig start. Tests use the virtual-time {@code ManualScheduler} of drivers' test jar.
 *
 * <p>Thread: an {@code ExecutorScheduler} runs its tasks on its own thread, one at a time.
 *
 * <p>May import: the JDK and SLF4J only; every module may import this package.
 */
package io.branchbox.time;
