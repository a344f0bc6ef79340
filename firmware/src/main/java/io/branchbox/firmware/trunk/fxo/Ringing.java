package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.dsp.CallerId;
import io.branchbox.time.Scheduler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The line rings: counts rings and measures the cadence, collects caller ID (DTMF heard before
 * the first ring, FSK between the first and second), offers the call after the configured number
 * of rings and waits for call control's answer. Entered on the first RING_START.
 */
final class Ringing extends LineState {
    /** DTMF caller ID older than this when the ring starts belongs to something else. */
    private static final long EARLY_CALLER_ID_MAX_AGE_MS = 10_000;

    private final boolean fsk;
    private long ringOnAt;
    private long ringOffAt = -1;
    private boolean ringing;
    private int rings;
    private CallerId callerId;
    private FxoTrunkCall offered;
    private boolean rejected;
    private boolean waitingForCallerId;
    private boolean cidWindowOpen;
    private Scheduler.Timer gapTimer = Scheduler.Timer.NONE;

    Ringing(FxoLine line) {
        super(line);
        FxoConfig.CallerIdMode mode = line.config().callerId();
        this.fsk = mode == FxoConfig.CallerIdMode.FSK_BELL_202 || mode == FxoConfig.CallerIdMode.FSK_V23;
    }

    @Override
    String name() {
        return "ringing";
    }

    @Override
    String callId() {
        return offered == null ? "-" : offered.id();
    }

    @Override
    void enter() {
        callerId = line.takeEarlyCallerId(EARLY_CALLER_ID_MAX_AGE_MS);
        ringStarted();
    }

    @Override
    void exit() {
        gapTimer.cancel();
    }

    @Override
    void onRingStart() {
        if (ringing) {
            return;
        }
        ringStarted();
        if (cidWindowOpen) {
            closeCallerIdWindow();
        }
        if (waitingForCallerId) {
            offer();
        }
    }

    @Override
    void onRingStop() {
        if (!ringing) {
            return;
        }
        ringing = false;
        long now = line.scheduler().nowMillis();
        long on = now - ringOnAt;
        long off = ringOffAt < 0 ? -1 : ringOnAt - ringOffAt;
        ringOffAt = now;
        gapTimer = line.after(this, line.config().ringGapTimeoutMs(), this::ringingStopped);
        if (on < line.config().minRingMs()) {
            line.detected("ring", Map.of("glitch_ms", on), "ring glitch of " + on + " ms ignored");
            return;
        }
        rings++;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ring", rings);
        f.put("on_ms", on);
        f.put("off_ms", off < 0 ? null : off);
        String offCadence = on > line.config().maxRingMs() ? " (longer than " + line.config().maxRingMs() + " ms)" : "";
        line.detected("ring", f, "ring " + rings + ": on " + on + " ms" + (off < 0 ? "" : ", off before " + off + " ms")
                + offCadence);
        if (rings == 1 && fsk && callerId == null) {
            cidWindowOpen = true;
            line.board().openChannel(line.port());
            line.detectors().listen(LineDetectors.Mode.CALLER_ID);
        }
        if (rings >= line.config().ringsToAnswer() && offered == null && !rejected) {
            if (cidWindowOpen) {
                waitingForCallerId = true;
            } else {
                offer();
            }
        }
    }

    @Override
    void onCallerId(CallerId id) {
        callerId = id;
        if (cidWindowOpen) {
            closeCallerIdWindow();
        }
        if (waitingForCallerId) {
            offer();
        }
    }

    @Override
    void answer(FxoTrunkCall call) {
        if (call == offered) {
            line.transition(new Answering(line, call));
        }
    }

    @Override
    void hangup(FxoTrunkCall call, Q850Cause cause) {
        if (call == offered) {
            // an FXO line cannot refuse a call: it rings on unanswered until the caller gives up
            rejected = true;
            offered = null;
        }
    }

    @Override
    void abort(Q850Cause cause, String why) {
        if (offered != null) {
            line.calls().onTrunkCleared(offered, cause);
        }
    }

    private void ringStarted() {
        ringing = true;
        ringOnAt = line.scheduler().nowMillis();
        gapTimer.cancel();
    }

    private void closeCallerIdWindow() {
        cidWindowOpen = false;
        line.detectors().listen(LineDetectors.Mode.NONE);
    }

    private void offer() {
        waitingForCallerId = false;
        String number = callerId == null || callerId.number() == null ? "" : callerId.number();
        offered = line.newCall(number, "");
        line.detected("offer", Map.of("call", offered.id(), "calling", number),
                "offering call from '" + number + "' after " + rings + " rings");
        line.calls().onIncoming(offered);
    }

    private void ringingStopped() {
        line.detected("ring", Map.of("event", "stopped", "rings", rings), "ringing stopped after " + rings + " rings");
        if (offered != null) {
            line.calls().onTrunkCleared(offered, Q850Cause.NORMAL_CLEARING);
        }
        line.transition(new Idle(line));
    }
}
