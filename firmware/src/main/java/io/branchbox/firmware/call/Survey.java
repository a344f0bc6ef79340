package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The post-call survey: the agent hung up; the agent goes to wrap-up at once while the caller
 * hears the survey prompt and rates the call with one key (1 satisfied, 2 neutral,
 * 3 dissatisfied). The recording goes on to the end of the call. No key within the timeout: the
 * box hangs up without a rating.
 *
 * <p>A policy: what a key means is decided by {@link #rating} from the call's state alone; what the
 * survey asks of call control goes through two small ports, {@link Port} (the agent to wrap-up,
 * the caller cleared; implemented by {@link SeatActions}) and {@link Caller} (the prompt, the keys,
 * the journal; {@link PolicyPorts#surveyCaller}), so it holds no reference to the call manager or
 * the call context and is tested alone in virtual time ({@code SurveyPolicyTest}).
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

    /** The caller's side of the survey: the prompt, the keys, the rating journaled. */
    interface Caller {
        /** Plays the survey prompt to the caller once. */
        void ask(Call call);

        /** From now on, each key the caller presses goes to {@code onKey} (on the signalling thread). */
        void listen(Call call, Consumer<Character> onKey);

        /** Journals the caller's {@code rating} of {@code agent} ({@code call.survey}). */
        void rated(Call call, Agent agent, char rating);
    }

    private final Scheduler scheduler;
    private final Caller caller;
    private final Port port;

    Survey(Scheduler scheduler, Caller caller, Port port) {
        this.scheduler = scheduler;
        this.caller = caller;
        this.port = port;
    }

    /**
     * The agent {@code a} hung up first: they leave for wrap-up, the caller hears the survey prompt
     * and has {@code timeout} to press a rating, else the box hangs up without one.
     */
    void start(Call call, Agent a, Duration timeout) {
        if (!call.on(CallEvent.SURVEY_STARTED, scheduler.clock().instant())) {
            return;
        }
        port.wrapUp(call, a);
        caller.listen(call, key -> key(call, key));
        caller.ask(call);
        call.stateTimer(scheduler, timeout, () -> {
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
            caller.rated(call, call.agent(), r);
            port.hangUpAndEnd(call, "survey answered " + r);
        });
    }
}
