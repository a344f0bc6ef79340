package io.branchbox.rig.bench;

import io.branchbox.firmware.isdn.lapd.LapdCodec;
import io.branchbox.firmware.isdn.lapd.LapdException;
import io.branchbox.firmware.isdn.lapd.LapdFrame;
import io.branchbox.firmware.isdn.q931.MessageType;
import io.branchbox.firmware.isdn.q931.Q931Codec;
import io.branchbox.firmware.isdn.q931.Q931Exception;
import io.branchbox.firmware.isdn.q931.Q931Message;
import java.util.Locale;
import java.util.Optional;

/**
 * One Q.931 message seen at one place on its way between the carrier and the box, stamped with
 * {@link System#nanoTime()} (CLOCK_MONOTONIC on Linux: comparable between the bench's process and
 * the box's on the same machine). The burst bench ({@link BurstTimings}) joins the stamps of
 * each call's SETUP and of the box's answers by call reference.
 *
 * @param stage where the message was seen
 * @param type the Q.931 message type
 * @param callReference the call reference value (the carrier's: the box answers with the same value)
 * @param nanos when
 */
record SignalStamp(Stage stage, MessageType type, int callReference, long nanos) {

    /** Where on the path, in path order for a SETUP going in and an answer coming out. */
    enum Stage {
        /** The carrier's LAPD handed the frame to the line (bench process). */
        CARRIER_OUT,
        /** The board simulator had written the frame to the serial link (bench process). */
        BOARD_TO_HOST,
        /** The frame's bytes came out of the box's serial port, before the box's reader (box process). */
        BOX_PORT_IN,
        /** The box's signalling thread took the frame (its D-channel capture; box process). */
        BOX_SIGNALLING_IN,
        /** The box's signalling thread handed the frame to the board link (capture; box process). */
        BOX_SIGNALLING_OUT,
        /** The box's writer thread had written the frame to the serial port (box process). */
        BOX_PORT_OUT,
        /** The frame arrived at the carrier's end of the line (bench process). */
        CARRIER_IN
    }

    /** The message type and call reference of an I frame's Q.931 message, if it carries one. */
    static Optional<Q931Message> q931(byte[] lapd) {
        try {
            if (LapdCodec.decode(lapd) instanceof LapdFrame.I i) {
                Q931Message m = Q931Codec.decode(i.info());
                return m.callReference().isGlobal() ? Optional.empty() : Optional.of(m);
            }
        } catch (LapdException | Q931Exception | RuntimeException e) {
            // not a call's message (or not decodable): not timed
        }
        return Optional.empty();
    }

    /** {@code stage type callReference nanos}, one line. */
    String line() {
        return String.format(Locale.ROOT, "%s %s %d %d", stage, type, callReference, nanos);
    }

    static SignalStamp parse(String line) {
        String[] f = line.trim().split(" ");
        return new SignalStamp(Stage.valueOf(f[0]), MessageType.valueOf(f[1]), Integer.parseInt(f[2]),
                Long.parseLong(f[3]));
    }
}
