/**
 * The technician's span operations as the web admin sees them ({@code SpanAdmin}: D-channel
 * capture, channel blocking, analog line capture), implemented by the launcher over the runtime.
 *
 * <p>Threads: called on Jetty's request threads.
 *
 * <p>May import: the JDK only (plain values).
 */
package io.branchbox.admin.spans;
