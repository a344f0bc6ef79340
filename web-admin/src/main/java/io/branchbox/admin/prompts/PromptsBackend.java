package io.branchbox.admin.prompts;

import java.util.List;

/**
 * What the web admin may do with the box's prompt sets: list them, upload a WAV file as a prompt
 * (converted to the line's format), fetch a prompt to listen to, and delete a site's own prompt.
 *
 * <p>Contract: set and prompt names must match {@link #NAME}; others are refused before anything
 * is looked up. The set {@code default} is built in: it can be listed and listened to, never
 * changed. Changes are heard by callers from the next prompt played, without a restart. Role
 * checks are the caller's job.
 *
 * <p>Threading: called on web request threads, concurrently; blocks on the disk, and
 * {@link #upload} on the conversion (up to seconds for a long 48 kHz file).
 */
public interface PromptsBackend {
    /** Set and prompt names: they become file names on the box. */
    String NAME = "[a-z0-9][a-z0-9-]{0,39}";

    /**
     * One prompt as a set offers it.
     *
     * @param origin the set it comes from: the listed set, or {@code default} when inherited
     */
    record Row(String name, String origin, long durationMs, boolean builtIn) {}

    /** An uploaded prompt: what was stored and what the file was. */
    record Saved(String set, String name, long durationMs, String source, double gainDb) {}

    /** The set callers hear now. */
    String activeSet();

    /** {@code default} first, then the uploaded sets. */
    List<String> sets() throws PromptsException;

    /** The prompts {@code set} offers, its own and the inherited built-ins. */
    List<Row> list(String set) throws PromptsException;

    /** Converts {@code wav} and stores it as prompt {@code name} of {@code set}, replacing any earlier one. */
    Saved upload(String set, String name, byte[] wav, String user) throws PromptsException;

    /** The A-law samples (8 kHz mono) that {@code set} plays for {@code name}. */
    byte[] alaw(String set, String name) throws PromptsException;

    /** Deletes {@code set}'s own prompt {@code name}; callers hear the built-in one again, if any. */
    void delete(String set, String name, String user) throws PromptsException;

    /**
     * Starts recording prompt {@code name} of {@code set} by phone: the agent at {@code seat} (logged
     * in, not ready) hears an intro and a beep, speaks, and presses ANSWER/HANG-UP when done, or
     * {@link #stopRecording} is called.
     */
    default void recordByPhone(String set, String name, int seat, String user) throws PromptsException {
        throw new PromptsException(PromptsException.Reason.UNAVAILABLE, "recording by phone is not available here");
    }

    /** Stops the recording at {@code seat} and saves it; returns the saved length in ms. */
    default long stopRecording(int seat, String user) throws PromptsException {
        throw new PromptsException(PromptsException.Reason.UNAVAILABLE, "recording by phone is not available here");
    }
}
