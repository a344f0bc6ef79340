package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.drivers.cb1.msg.HookState;
import java.util.Map;

/** Outgoing: off-hook, then waiting for the exchange's dial tone. */
final class Seizing extends LineState {
    private final String digits;
    private final FxoLine.OutgoingListener listener;

    Seizing(FxoLine line, String digits, FxoLine.OutgoingListener listener) {
        super(line);
        this.digits = digits;
        this.listener = listener;
    }

    @Override
    String name() {
        return "seizing";
    }

    @Override
    void enter() {
        line.detected("hook", Map.of("state", "off_hook", "dial", digits), "seizing the line to dial " + digits);
        line.board().openChannel(line.port());
        line.detectors().listen(LineDetectors.Mode.OFF_HOOK);
        line.hook(this, HookState.OFF_HOOK, 0, err -> {
            if (err != null) {
                fail(Q850Cause.TEMPORARY_FAILURE, "hook relay: " + err.getMessage());
                return;
            }
            line.after(this, line.config().dialToneTimeoutMs(),
                    () -> fail(Q850Cause.TEMPORARY_FAILURE, "no dial tone in " + line.config().dialToneTimeoutMs() + " ms"));
        });
    }

    @Override
    void onTone(String name, boolean start) {
        if (start && name.equals("dial")) {
            line.transition(new Dialling(line, digits, listener));
        }
    }

    @Override
    void onRingStart() {
        // glare: the exchange rang as we seized; being off-hook we will get its dial tone or the caller
        line.ignored(this, "ring start (glare)");
    }

    @Override
    void abort(Q850Cause cause, String why) {
        listener.onFailed(cause, why);
    }

    private void fail(Q850Cause cause, String why) {
        line.detected("outgoing", Map.of("result", "failed", "cause", cause.value(), "reason", why), "outgoing call failed: " + why);
        listener.onFailed(cause, why);
        line.transition(new Releasing(line));
    }
}
