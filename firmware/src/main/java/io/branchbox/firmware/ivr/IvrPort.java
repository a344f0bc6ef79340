package io.branchbox.firmware.ivr;

import io.branchbox.firmware.config.BoxConfig;

/**
 * What an {@link IvrSession} needs from the call it runs on: prompts to the caller, the call's
 * journal, and the hand-over of the result. Implemented by call control, one per call.
 *
 * <p>Threading: the session calls every method on the signalling thread, and expects
 * {@code whenDone} to be run on that thread too (post it through the scheduler when the audio
 * side learns that a prompt ended).
 *
 * <p>Pitfalls: a session may call {@link #finish} or {@link #play} from inside a callback of
 * this port; implementations must not hold a lock across these calls. After {@link #stopPrompt}
 * the port may still run the stopped prompt's {@code whenDone} or never run it: the session
 * ignores it either way.
 */
public interface IvrPort {

    /** Plays {@code prompt} (a prompt name of the prompt set) to the caller, then runs {@code whenDone}. */
    void play(String prompt, Runnable whenDone);

    /** Stops the prompt being played, because the caller pressed a key during it (barge-in). */
    void stopPrompt();

    /**
     * Records one decision of the menu {@code menu}: the key pressed ("" for a timeout) and the
     * step taken. A retry of the menu (invalid key or timeout with tries left) is journaled as a
     * {@link BoxConfig.StepAction#MENU} step back to the same menu, so a step is never null.
     */
    void journal(String menu, String key, BoxConfig.Step step);

    /** The session is over: route the call to {@code outcome}. Called at most once per session. */
    void finish(Outcome outcome);
}
