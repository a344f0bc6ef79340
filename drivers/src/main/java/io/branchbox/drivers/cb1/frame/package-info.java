/**
 * HDLC framing of the CB-1 host interface: byte stuffing, flags and FCS-16 (datasheet §3), with
 * decoders that hand a whole frame's content to a {@link io.branchbox.drivers.cb1.frame.FrameSink}
 * without allocating.
 *
 * <p>Thread: the caller's; the decoder runs on the board link's reader thread
 * ({@link io.branchbox.time.ThreadNames#CB1_READ}), the audio path, so nothing here blocks or
 * allocates per frame. Not thread-safe: one decoder per link.
 *
 * <p>May import: the JDK only.
 */
package io.branchbox.drivers.cb1.frame;
