package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.dsp.CallerId;

/**
 * One state of an {@link FxoLine}. Every handler defaults to "not meaningful here", which is
 * logged at debug and otherwise ignored: an exchange sends what it sends.
 *
 * <p>Threading: signalling thread only. Timers a state starts go through {@link FxoLine#after},
 * which drops them once the line has left the state, so a late timer never acts on a new call.
 */
abstract sealed class LineState permits Down, Idle, Ringing, Answering, Connected, Seizing, Dialling,
        AwaitingAnswer, Releasing {
    final FxoLine line;

    LineState(FxoLine line) {
        this.line = line;
    }

    /** Short name for logs and {@link FxoLine#state()}. */
    abstract String name();

    /** The call this state serves, for logs; "-" when none. */
    String callId() {
        return "-";
    }

    void enter() {}

    void exit() {}

    void onRingStart() {
        line.ignored(this, "ring start");
    }

    void onRingStop() {
        line.ignored(this, "ring stop");
    }

    void onPolarityReversal() {
        line.ignored(this, "polarity reversal");
    }

    void onLoopOpen() {
        line.ignored(this, "loop open");
    }

    void onTone(String name, boolean start) {}

    void onDigit(char digit) {}

    void onCallerId(CallerId id) {}

    /** Call control answers the offered call. */
    void answer(FxoTrunkCall call) {
        line.ignored(this, "answer of " + call.id());
    }

    /** Call control clears the call. */
    void hangup(FxoTrunkCall call, Q850Cause cause) {
        line.ignored(this, "hangup of " + call.id());
    }

    /** The line died under this state: tell whoever owns the call, with {@code cause}. */
    void abort(Q850Cause cause, String why) {}

    /** Whether an outgoing call may start now. */
    boolean free() {
        return false;
    }
}
