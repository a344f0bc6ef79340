package io.branchbox.firmware.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the recording catalog. {@code file} is relative to the recordings directory with
 * {@code '/'} separators (absolute only if the recorder wrote outside that directory).
 * {@code bytes} is the file size, null until the recorder reported it or a verification measured
 * it. {@code lostFrames} and {@code writeError} are null when the recorder did not report them.
 * {@code deletedAt}, {@code deletedReason}, {@code lastVerifiedAt} and {@code verifyStatus} are
 * null until the file is deleted or verified.
 */
public record CatalogEntry(String callId, String file, Long bytes, Long durationMs, String sha256,
        Instant finishedAt, Long lostFrames, String writeError, boolean legalHold,
        Instant deletedAt, String deletedReason, Instant lastVerifiedAt, VerifyStatus verifyStatus) {

    public CatalogEntry {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** Whether the file has been deleted (retention, or a technician's choice). */
    public boolean deleted() {
        return deletedAt != null;
    }

    /** Whether the recorder reported every frame written (or reported nothing to the contrary). */
    public boolean recordedWhole() {
        return writeError == null && (lostFrames == null || lostFrames == 0);
    }
}
