package io.branchbox.firmware.recording;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the recorder reports trouble for alarms (LED, MQTT status, web-admin). Called on the
 * recording writer thread: implementations must be quick and must not block on disk themselves.
 */
public interface RecordingStatusListener {
    /** Writing {@code file} failed (disk full, I/O error); the recording stops, the call goes on. */
    void onWriteError(String callId, Path file, IOException error);

    /** Frames of {@code callId} were dropped because the ring was full (disk too slow). Once per recording. */
    default void onFramesLost(String callId, long lostSoFar) {}

    /** The recording of {@code callId} writes again after a write error (space came back). */
    default void onResumed(String callId) {}

    /** A listener that only relies on the recorder's own logging. */
    RecordingStatusListener NONE = (callId, file, error) -> { };
}
