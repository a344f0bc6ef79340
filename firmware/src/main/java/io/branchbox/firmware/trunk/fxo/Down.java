package io.branchbox.firmware.trunk.fxo;

import io.branchbox.drivers.cb1.msg.HookState;

/** No line voltage: nothing to do until LINE_UP. The relay goes on-hook so the line comes back idle. */
final class Down extends LineState {
    Down(FxoLine line) {
        super(line);
    }

    @Override
    String name() {
        return "down";
    }

    @Override
    void enter() {
        line.detectors().listen(LineDetectors.Mode.NONE);
        line.board().closeChannel(line.port());
        if (line.offHook()) {
            line.hook(this, HookState.ON_HOOK, 0, err -> {});
        }
    }
}
