package io.branchbox.firmware.trunk;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.isdn.q931.IsdnCall;

/**
 * A PRI B-channel call as call control sees it. Numbers are shown the way people in China dial
 * them; the network's digits are national numbers unless they carry the country code.
 *
 * <p>Threading: signalling thread only, like the {@link IsdnCall} it wraps.
 */
final class PriTrunkCall implements TrunkCall {
    private final int span;
    private final IsdnCall call;

    PriTrunkCall(int span, IsdnCall call) {
        this.span = span;
        this.call = call;
    }

    @Override
    public String trunk() {
        return "span" + span + "/ts" + call.channel();
    }

    @Override
    public int audioUnit() {
        return Units.span(span);
    }

    @Override
    public int audioChan() {
        return call.channel();
    }

    @Override
    public String callingNumber() {
        return call.callingNumber() == null ? "" : call.callingNumber();
    }

    @Override
    public String calledNumber() {
        return call.calledNumber() == null ? "" : call.calledNumber();
    }

    @Override
    public void answer() {
        call.answer();
    }

    @Override
    public void hangup(Q850Cause cause) {
        call.hangup(cause);
    }

    @Override
    public String toString() {
        return trunk() + " " + call;
    }
}
