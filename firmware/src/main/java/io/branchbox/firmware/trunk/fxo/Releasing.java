package io.branchbox.firmware.trunk.fxo;

import io.branchbox.drivers.cb1.msg.HookState;

/** On-hook requested; idle once the board acknowledges (or refuses: the relay state is then unknown, logged). */
final class Releasing extends LineState {
    Releasing(FxoLine line) {
        super(line);
    }

    @Override
    String name() {
        return "releasing";
    }

    @Override
    void enter() {
        line.detectors().listen(LineDetectors.Mode.NONE);
        line.hook(this, HookState.ON_HOOK, 0, err -> line.transition(new Idle(line)));
    }

    @Override
    void onLoopOpen() {
        // the exchange notices us hanging up
    }

    @Override
    void onPolarityReversal() {
        // as above
    }
}
