package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.Prompts;
import java.time.Duration;

/**
 * The post-call survey: the agent hung up; the agent goes to wrap-up at once while the caller
 * hears the survey prompt and rates the call with one key (1 satisfied, 2 neutral,
 * 3 dissatisfied). The recording goes on to the end of the call. No key within the timeout: the
 * box hangs up without a rating.
 *
 * <p>Signalling thread; the DTMF detector runs on the audio path and hands digits over.
 */
final class Survey {
    private final CallContext cx;
    private final CallManager calls;

    Survey(CallContext cx, CallManager calls) {
        this.cx = cx;
        this.calls = calls;
    }

    void start(Call call, Agent a, Duration timeout) {
        if (!call.on(CallEvent.SURVEY_STARTED, cx.now())) {
            return;
        }
        cx.close(call.seatChannel);
        call.seatChannel = null;
        calls.agents().wrapUpAfter(call, a);
        KeyListener.listen(cx, call, key -> key(call, key));
        cx.router.play(call.trunkChannel, Prompts.once(cx.prompts.get(cx.config.ivr().surveyPrompt()), () -> { }));
        call.timer = cx.scheduler.schedule(timeout, () -> {
            if (call.state() == Call.State.SURVEY) {
                calls.hangUpAndEnd(call, "survey not answered");
            }
        });
    }

    private void key(Call call, char key) {
        if (call.state() != Call.State.SURVEY || key < '1' || key > '3') {
            return;
        }
        cx.events.survey(call, call.agent, key);
        calls.hangUpAndEnd(call, "survey answered " + key);
    }
}
