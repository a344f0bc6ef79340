package io.branchbox.firmware.runtime;

import io.branchbox.firmware.recording.RecordingStatusListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the recorder's faults for the snapshot, the REC lamp and the central office: the last
 * write error and the frames lost since start. Thread-safe (called on the recording writer).
 */
final class RecordingHealth implements RecordingStatusListener {
    private static final Logger log = LoggerFactory.getLogger(RecordingHealth.class);
    private volatile String lastError = "";
    private final AtomicLong lost = new AtomicLong();
    private volatile Runnable diskTrouble = () -> { };

    /** Runs {@code r} (quickly, on the writer thread) after every write error, e.g. to re-check free space. */
    void onDiskTrouble(Runnable r) {
        diskTrouble = r;
    }

    @Override
    public void onWriteError(String callId, Path file, IOException error) {
        lastError = "call " + callId + ": " + error.getMessage();
        log.error("recording of call {} failed to write {}: {}", callId, file, error.getMessage());
        diskTrouble.run();
    }

    @Override
    public void onResumed(String callId) {
        log.info("recording of call {} writes again", callId);
        lastError = "";
    }

    @Override
    public void onFramesLost(String callId, long frames) {
        lost.addAndGet(frames);
    }

    BoxSnapshot.RecordingInfo info() {
        return new BoxSnapshot.RecordingInfo(lastError.isEmpty() && lost.get() == 0, lastError, lost.get(), 100.0,
                java.util.List.of(), "UNKNOWN", -1);
    }
}
