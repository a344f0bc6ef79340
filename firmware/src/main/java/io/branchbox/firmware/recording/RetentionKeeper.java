package io.branchbox.firmware.recording;

import java.time.Instant;

/**
 * Another record that still needs a recording past the recordings' retention: a QA result keeps
 * the recording it scored as long as the QA record is kept. {@link StoragePolicy} asks before it
 * deletes a recording for retention or low space; a legal hold is separate (never deleted).
 *
 * <p>Called on the recording-maintenance thread, once per deletion candidate: answer from memory,
 * do not block.
 */
@FunctionalInterface
public interface RetentionKeeper {
    /** Whether {@code callId}'s recording must be kept at {@code now}. */
    boolean mustKeep(String callId, Instant now);

    /** Nothing keeps a recording beyond retention. */
    RetentionKeeper NONE = (callId, now) -> false;
}
