package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.dsp.CallerId;

/**
 * On-hook, no call. With DTMF caller ID the channel stays open and the caller-ID receiver runs,
 * because the exchange sends the digits before the first ring.
 */
final class Idle extends LineState {
    Idle(FxoLine line) {
        super(line);
    }

    @Override
    String name() {
        return "idle";
    }

    @Override
    void enter() {
        if (line.config().callerId() == FxoConfig.CallerIdMode.DTMF) {
            line.board().openChannel(line.port());
            line.detectors().listen(LineDetectors.Mode.CALLER_ID);
        } else {
            line.board().closeChannel(line.port());
            line.detectors().listen(LineDetectors.Mode.NONE);
        }
    }

    @Override
    void onRingStart() {
        line.transition(new Ringing(line));
    }

    @Override
    void onCallerId(CallerId id) {
        line.keepEarlyCallerId(id);
    }

    @Override
    void onPolarityReversal() {
        // some exchanges reverse the line before DTMF caller ID; the digits themselves are what counts
    }

    @Override
    boolean free() {
        return true;
    }
}
