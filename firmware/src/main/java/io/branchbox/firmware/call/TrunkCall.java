package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;

/**
 * One call on a trunk (a PRI B-channel or an FXO line), as call control sees it: the numbers,
 * the board channel that carries its audio, and the two things call control asks of a trunk.
 *
 * <p>Implemented by the trunk adapters (PRI, FXO). Threading: called on the signalling thread.
 */
public interface TrunkCall {

    /** A technician-readable name of the channel, e.g. "span0/ts1" or "fxo2". */
    String trunk();

    /** Board unit that carries the audio (a span 0x10.., an FXO port 0x20..). */
    int audioUnit();

    /** Board channel: the timeslot on a span, 0 on an FXO port. */
    int audioChan();

    /** The caller's number as people dial it ("" when withheld). */
    String callingNumber();

    /** The number the caller dialled ("" when unknown). */
    String calledNumber();

    /** Answers the call (Q.931 CONNECT, FXO off-hook). */
    void answer();

    /** Clears the call with a Q.850 cause (16 normal clearing, 41 temporary failure, ...). */
    void hangup(Q850Cause cause);
}
