package io.branchbox.firmware.recording;

import java.nio.file.Path;

/**
 * A finished recording. {@code dataBytes} counts interleaved sample bytes (header excluded);
 * {@code durationMs} follows from it (16 bytes per millisecond). {@code lostFrames} counts 20 ms
 * frames that did not reach the file (ring overflow while the disk stalled, or after a write
 * error). {@code writeError} is null unless writing failed; the file is then valid but shorter
 * than the call. {@code sha256} (lower-case hex) is of the whole file as it is on disk.
 */
public record RecordingResult(String callId, Path file, long dataBytes, long durationMs, String sha256,
        long lostFrames, String writeError) {

    /** Whether every frame handed to the recording is in the file. */
    public boolean complete() {
        return writeError == null && lostFrames == 0;
    }
}
