package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import java.util.Map;

/**
 * Outgoing: digits sent, listening to call progress. Answer is a polarity reversal (or, on lines
 * without one, the timeout when {@link FxoConfig#answerOnTimeout}); busy, congestion and vacant
 * tones fail the call with 17, 34 and 1.
 */
final class AwaitingAnswer extends LineState {
    private final String digits;
    private final FxoLine.OutgoingListener listener;

    AwaitingAnswer(FxoLine line, String digits, FxoLine.OutgoingListener listener) {
        super(line);
        this.digits = digits;
        this.listener = listener;
    }

    @Override
    String name() {
        return "awaiting-answer";
    }

    @Override
    void enter() {
        FxoConfig c = line.config();
        line.after(this, c.answerTimeoutMs(), () -> {
            if (c.answerOnTimeout()) {
                answered("no progress tone in " + c.answerTimeoutMs() + " ms");
            } else {
                fail(Q850Cause.NO_ANSWER, "no answer in " + c.answerTimeoutMs() + " ms");
            }
        });
    }

    @Override
    void onPolarityReversal() {
        answered("polarity reversal");
    }

    @Override
    void onTone(String name, boolean start) {
        if (!start) {
            return;
        }
        switch (name) {
            case "busy" -> fail(Q850Cause.USER_BUSY, "busy tone");
            case "congestion" -> fail(Q850Cause.NO_CIRCUIT_AVAILABLE, "congestion tone");
            case "vacant" -> fail(Q850Cause.UNALLOCATED_NUMBER, "vacant number tone");
            default -> { }
        }
    }

    @Override
    void abort(Q850Cause cause, String why) {
        listener.onFailed(cause, why);
    }

    private void answered(String how) {
        FxoTrunkCall call = line.newCall("", digits);
        line.detected("outgoing", Map.of("result", "answered", "call", call.id(), "by", how), "answered (" + how + ")");
        line.transition(new Connected(line, call, cause -> listener.onCleared(call, cause)));
        listener.onAnswered(call);
    }

    private void fail(Q850Cause cause, String why) {
        line.detected("outgoing", Map.of("result", "failed", "cause", cause.value(), "reason", why), "outgoing call failed: " + why);
        listener.onFailed(cause, why);
        line.transition(new Releasing(line));
    }
}
