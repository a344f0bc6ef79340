package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.isdn.q931.Q850Cause;

/**
 * What call control hears of an outbound call besides the dial's result: ringing (to play
 * ring-back to the agent), and the clearing of the call once it was answered. Failed attempts are
 * not reported here; they are in the result and the journal.
 *
 * <p>Called on the signalling thread; must not block.
 */
public interface OutboundListener {

    /** Nothing to hear. */
    OutboundListener NONE = new OutboundListener() {};

    /** The far end rings (ALERTING) on this span and timeslot. */
    default void onRinging(int span, int timeslot) {}

    /** The answered call is over: cleared by either side with this Q.850 cause. */
    default void onClearedAfterAnswer(Q850Cause cause, String location) {}
}
