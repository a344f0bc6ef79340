/**
 * The CB-1 board link: the serial device ({@link io.branchbox.drivers.cb1.link.JSerialCommLink},
 * or any {@link io.branchbox.drivers.cb1.link.ByteLink}), the session's handshake (HELLO), PING
 * supervision, ACK and resend of commands, board resets and re-enumeration
 * ({@link io.branchbox.drivers.cb1.link.BoardLink}).
 *
 * <p>Threads: {@link io.branchbox.time.ThreadNames#CB1_READ} reads and decodes (AUDIO frames go to
 * the audio listener on that thread; everything else is posted to the link's scheduler,
 * {@code signalling} in the box); {@link io.branchbox.time.ThreadNames#CB1_WRITE} drains the
 * bounded queue of outgoing frames. Link state lives on the scheduler's thread.
 *
 * <p>May import: {@code drivers.cb1.frame}, {@code drivers.cb1.msg}, {@code io.branchbox.time},
 * jSerialComm, SLF4J.
 */
package io.branchbox.drivers.cb1.link;
