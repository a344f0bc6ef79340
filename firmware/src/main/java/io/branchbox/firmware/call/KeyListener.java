package io.branchbox.firmware.call;

import io.branchbox.firmware.audio.AudioSource;
import io.branchbox.firmware.dsp.DtmfDetector;
import java.util.function.Consumer;

/**
 * Hears the caller's keys (DTMF) on a call's far-side channel while keeping its recording fed:
 * the tap on that channel is the recording, or the recording plus a detector. Digits are handed
 * to the signalling thread.
 *
 * <p>Signalling thread; the tap itself runs on the audio path.
 */
final class KeyListener {
    private KeyListener() {}

    /** From now on, each key the caller presses goes to {@code onKey} (on the signalling thread). */
    static void listen(CallContext cx, Call call, Consumer<Character> onKey) {
        CallControlPorts.Session recording = call.recording;
        DtmfDetector keys = new DtmfDetector((digit, sample) -> cx.scheduler.execute(() -> onKey.accept(digit)));
        cx.router.tap(call.trunkChannel(), (rx, ro, tx, to) -> {
            if (recording != null) {
                recording.frame(rx, ro, tx, to);
            }
            keys.process(rx, ro, AudioSource.FRAME);
        });
    }

    /** Stops listening; the recording (if any) goes on. */
    static void stop(CallContext cx, Call call) {
        cx.router.tap(call.trunkChannel(), call.recording);
    }
}
