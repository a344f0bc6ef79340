/**
 * The CB-1 message types as immutable records under the sealed
 * {@link io.branchbox.drivers.cb1.msg.Cb1Message}, with one small decoder and encoder per type
 * ({@link io.branchbox.drivers.cb1.msg.Cb1Codec}); a malformed body is a
 * {@link io.branchbox.drivers.cb1.msg.Cb1ProtocolException}. The board's unit addressing (spans,
 * FXO ports, headsets, the D-channel) is {@link io.branchbox.drivers.cb1.msg.Units}.
 *
 * <p>Thread: stateless; decoding runs on the reader thread, encoding on the sender's.
 *
 * <p>May import: {@code drivers.cb1.frame}, the JDK.
 */
package io.branchbox.drivers.cb1.msg;
