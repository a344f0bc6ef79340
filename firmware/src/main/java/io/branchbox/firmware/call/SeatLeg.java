package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;

/**
 * The calling agent's headset as the far side of an internal call, so that an internal call runs
 * through the same offer, bridge and recording steps as a trunk call. Answering and hanging up
 * are no-ops: the seat is the box's own, and closing its channel is all there is to do.
 */
record SeatLeg(int seat, int audioUnit, String callingNumber, String calledNumber) implements TrunkCall {
    /** Internal numbers are "8" and the two-digit seat: 801 .. 816. */
    static String number(int seat) {
        return String.format("8%02d", seat);
    }

    @Override
    public String trunk() {
        return "seat" + seat;
    }

    @Override
    public int audioChan() {
        return 0;
    }

    @Override
    public void answer() {
        // the calling agent is already off hook at their seat
    }

    @Override
    public void hangup(Q850Cause cause) {
        // the headset channel is closed by the call's end
    }
}
