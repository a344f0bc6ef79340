package io.branchbox.firmware.recording;

/** What the last verification found for a catalogued recording; see {@link RecordingVerifier}. */
public enum VerifyStatus {
    /** The file is there and hashes to the SHA-256 stored when it was finished. */
    OK,
    /** No file at the catalogued path. */
    MISSING,
    /** The file holds no audio: zero bytes, or no more than a WAV header. */
    ZERO_LENGTH,
    /** The file's SHA-256 differs from the stored one: it was changed or damaged after the call. */
    CHANGED,
    /** The file is there but reading it failed (I/O error): the disk is in trouble. */
    UNREADABLE,
    /** The recorder could not hash the file when it finished, so nothing can prove it unchanged. */
    NO_CHECKSUM;

    /** Whether a recording in this state counts as kept safe (coverage, export). */
    public boolean intact() {
        return this == OK;
    }
}
