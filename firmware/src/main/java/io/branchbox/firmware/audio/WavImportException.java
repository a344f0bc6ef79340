package io.branchbox.firmware.audio;

/**
 * The one exception of {@link WavImport}: an uploaded file cannot become a prompt, and
 * {@link #reason} says why. The message is fit for a technician (what the file is, what would be
 * accepted) and never contains a path of the box.
 */
public final class WavImportException extends Exception {
    /** Why a file was refused. */
    public enum Reason {
        /** Not a RIFF/WAVE file at all (an MP3, a text file, a WAV cut before its header ended). */
        NOT_WAV,
        /** A WAV whose codec, sample rate, channel count or sample size is not converted here. */
        UNSUPPORTED,
        /** A header or chunk that contradicts itself (block align, chunk sizes, fmt after data). */
        MALFORMED,
        /** The data chunk promises more bytes than the file holds. */
        TRUNCATED,
        /** Longer than {@link WavImport#MAX_SECONDS}. */
        TOO_LONG,
        /** No samples, or nothing but digital silence. */
        EMPTY
    }

    private final Reason reason;

    public WavImportException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
