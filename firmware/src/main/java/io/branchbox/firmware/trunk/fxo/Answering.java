package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.drivers.cb1.msg.HookState;

/** Off-hook requested for an offered call; the call is up when the board acknowledges the relay. */
final class Answering extends LineState {
    private final FxoTrunkCall call;
    private boolean cleared;

    Answering(FxoLine line, FxoTrunkCall call) {
        super(line);
        this.call = call;
    }

    @Override
    String name() {
        return "answering";
    }

    @Override
    String callId() {
        return call.id();
    }

    @Override
    void enter() {
        // disconnect supervision listens to the line: make sure audio flows even if call control has not opened it yet
        line.board().openChannel(line.port());
        line.hook(this, HookState.OFF_HOOK, 0, err -> {
            if (err == null && !cleared) {
                line.detected("hook", java.util.Map.of("state", "off_hook", "call", call.id()), "off-hook, call answered");
                line.transition(new Connected(line, call, c -> line.calls().onTrunkCleared(call, c)));
            } else if (err != null) {
                line.calls().onTrunkCleared(call, Q850Cause.TEMPORARY_FAILURE);
                line.transition(new Releasing(line));
            } else {
                line.transition(new Releasing(line));
            }
        });
    }

    @Override
    void onRingStart() {
        // the relay is switching; the exchange trips the ring
    }

    @Override
    void onRingStop() {
        // as above
    }

    @Override
    void hangup(FxoTrunkCall c, Q850Cause cause) {
        if (c == call) {
            cleared = true;
        }
    }

    @Override
    void abort(Q850Cause cause, String why) {
        line.calls().onTrunkCleared(call, cause);
    }
}
