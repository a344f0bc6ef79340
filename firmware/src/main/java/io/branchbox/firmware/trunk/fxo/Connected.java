package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.time.Scheduler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Off-hook with a call up (incoming answered, or outgoing answered). Watches for the far end
 * going away: loop current lost, polarity reversal, or a disconnect tone that survives the voice
 * guard (see {@link FxoLine}).
 */
final class Connected extends LineState {
    /** After a flash, the loop takes a moment to settle before LOOP_OPEN means anything again. */
    private static final long FLASH_SETTLE_MS = 300;

    private final FxoTrunkCall call;
    private final Consumer<Q850Cause> farEndCleared;
    private boolean flashing;
    private String candidate;
    private long candidateFrames;
    private long candidateVoice;
    private Scheduler.Timer confirmTimer = Scheduler.Timer.NONE;

    Connected(FxoLine line, FxoTrunkCall call, Consumer<Q850Cause> farEndCleared) {
        super(line);
        this.call = call;
        this.farEndCleared = farEndCleared;
    }

    @Override
    String name() {
        return "connected";
    }

    @Override
    String callId() {
        return call.id();
    }

    @Override
    void enter() {
        line.detectors().listen(LineDetectors.Mode.OFF_HOOK);
    }

    @Override
    void exit() {
        confirmTimer.cancel();
    }

    @Override
    void onLoopOpen() {
        if (flashing) {
            line.ignored(this, "loop open during flash");
            return;
        }
        farEndGone("loop current dropped");
    }

    @Override
    void onPolarityReversal() {
        farEndGone("polarity reversal");
    }

    @Override
    void onRingStart() {
        // a ring on an off-hook line is impossible; it is a glitch of the ring detector
        line.ignored(this, "ring start");
    }

    @Override
    void onTone(String name, boolean start) {
        boolean disconnectTone = name.equals("busy") || name.equals("congestion");
        if (start && disconnectTone) {
            candidate = name;
            candidateFrames = line.detectors().frames();
            candidateVoice = line.detectors().voiceFrames();
            confirmTimer.cancel();
            confirmTimer = line.after(this, line.config().disconnectToneConfirmMs(), this::confirmTone);
        } else if (name.equals(candidate)) {
            dropCandidate("tone " + name + " ended");
        }
    }

    @Override
    void onDigit(char digit) {
        if (candidate != null) {
            dropCandidate("DTMF " + digit + " during the tone");
        }
    }

    @Override
    void hangup(FxoTrunkCall c, Q850Cause cause) {
        if (c == call) {
            line.detected("hook", Map.of("state", "on_hook", "call", call.id(), "cause", cause.value()),
                    "call control hung up, cause " + cause);
            line.transition(new Releasing(line));
        }
    }

    @Override
    void abort(Q850Cause cause, String why) {
        farEndCleared.accept(cause);
    }

    CompletableFuture<Void> flash() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        flashing = true;
        int ms = line.config().flashMs();
        line.detected("hook", Map.of("state", "flash", "flash_ms", ms, "call", call.id()), "hook flash " + ms + " ms");
        line.hook(this, HookState.FLASH, ms, err -> {
            line.after(this, FLASH_SETTLE_MS, () -> flashing = false);
            if (err == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(err);
            }
        });
        return done;
    }

    private void confirmTone() {
        long frames = line.detectors().frames() - candidateFrames;
        long voice = line.detectors().voiceFrames() - candidateVoice;
        if (frames > 0 && voice > line.config().maxVoiceFraction() * frames) {
            dropCandidate("tone " + candidate + " with voice in " + voice + " of " + frames + " frames");
            return;
        }
        farEndGone(candidate + " tone");
    }

    private void dropCandidate(String why) {
        line.detected("tone", Map.of("name", candidate, "rejected", why), "not a disconnect: " + why);
        candidate = null;
        confirmTimer.cancel();
    }

    private void farEndGone(String why) {
        line.detected("disconnect", Map.of("call", call.id(), "by", why), "far end cleared: " + why);
        farEndCleared.accept(Q850Cause.NORMAL_CLEARING);
        line.transition(new Releasing(line));
    }
}
