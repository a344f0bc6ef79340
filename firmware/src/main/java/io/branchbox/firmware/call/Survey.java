package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.Prompts;
import java.time.Duration;
import java.util.Optional;

/**
 * The post-call survey: the agent hung up; the agent goes to wrap-up at once while the caller
 * hears the survey prompt and rates the call with one key (1 satisfied, 2 neutral,
 * 3 dissatisfied). The recording goes on to the end of the call. No key within the timeout: the
 * box hangs up without a rating.
 *
 * <p>A policy: what a key means is decided by {@link #rating} from the call's state alone; what the
 * survey asks of call control (the agent to wrap-up, the caller cleared) goes through
 * {@link Port}, so it holds no reference to the call manager.
 *
 * <p>Signalling thread; the DTMF detector runs on the audio path and hands digits over.
 */
final class Survey {
    /** What the survey asks of call control. */
    interface Port {
        /** The agent leaves the call for wrap-up (their headset closed); the caller stays for the survey. */
        void wrapUp(Call call, Agent agent);

        /** Clears the caller normally and ends the call. */
        void hangUpAndEnd(Call call, String why);
    }

    private final CallContext cx;
    private final Port port;

    Survey(CallContext cx, Port port) {
        this.cx = cx;
        this.port = port;
    }

    void start(Call call, Agent a, Duration timeout) {
        if (!call.on(CallEvent.SURVEY_STARTED, cx.now())) {
            return;
        }
        port.wrapUp(call, a);
        KeyListener.listen(cx, call, key -> key(call, key));
        cx.router.play(call.trunkChannel(), Prompts.once(cx.prompts.get(cx.config.ivr().surveyPrompt()), () -> { }));
        call.stateTimer(cx.scheduler, timeout, () -> {
            if (call.state() == Call.State.SURVEY) {
                port.hangUpAndEnd(call, "survey not answered");
            }
        });
    }

    /**
     * The decision for a key the caller pressed: the rating it gives ('1'..'3') while the call is
     * in {@link Call.State#SURVEY}; empty for any other key or state (ignored, the survey waits on).
     */
    static Optional<Character> rating(Call.State state, char key) {
        return state == Call.State.SURVEY && key >= '1' && key <= '3' ? Optional.of(key) : Optional.empty();
    }

    private void key(Call call, char key) {
        rating(call.state(), key).ifPresent(r -> {
            cx.events.survey(call, call.agent(), r);
            port.hangUpAndEnd(call, "survey answered " + r);
        });
    }
}
