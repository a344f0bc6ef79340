package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.call.TrunkCall;

/**
 * A call on an analogue line as call control sees it. {@link #answer} takes the line off-hook
 * (the call is up once the board acknowledges the relay), {@link #hangup} puts it back on-hook;
 * an FXO line cannot signal a cause to the exchange, so the cause is only logged.
 *
 * <p>Threading: signalling thread only.
 */
final class FxoTrunkCall implements TrunkCall {
    private final FxoLine line;
    private final String id;
    private final String calling;
    private final String called;

    FxoTrunkCall(FxoLine line, String id, String calling, String called) {
        this.line = line;
        this.id = id;
        this.calling = calling;
        this.called = called;
    }

    /** The line-local call id used in logs, e.g. "fxo2#7". */
    String id() {
        return id;
    }

    @Override
    public String trunk() {
        return "fxo" + line.port();
    }

    @Override
    public int audioUnit() {
        return Units.fxo(line.port());
    }

    @Override
    public int audioChan() {
        return 0;
    }

    @Override
    public String callingNumber() {
        return calling;
    }

    @Override
    public String calledNumber() {
        return called;
    }

    @Override
    public void answer() {
        line.answer(this);
    }

    @Override
    public void hangup(Q850Cause cause) {
        line.hangup(this, cause);
    }

    @Override
    public String toString() {
        return id + " from '" + calling + "' to '" + called + "'";
    }
}
