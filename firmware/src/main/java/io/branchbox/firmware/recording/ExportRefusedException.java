package io.branchbox.firmware.recording;

/**
 * A recording cannot be exported as evidence; {@link #reason} says why and the message says it in
 * words for the technician. Thrown by {@link RecordingExport} before anything is written, except
 * for {@link Reason#CHANGED} found while copying (the file changed during the export).
 */
public final class ExportRefusedException extends Exception {
    /** Why the export was refused. */
    public enum Reason {
        /** The catalog has no recording of that call. */
        NOT_FOUND,
        /** The recording was deleted (retention or the technician's choice). */
        DELETED,
        /** The catalog row is there but the file is not. */
        MISSING,
        /** The recorder stored no checksum, so the file cannot be proven unchanged. */
        NO_CHECKSUM,
        /** The file no longer matches its stored SHA-256. */
        CHANGED
    }

    private final String callId;
    private final Reason reason;

    public ExportRefusedException(String callId, Reason reason, String message) {
        super(message);
        this.callId = callId;
        this.reason = reason;
    }

    public String callId() {
        return callId;
    }

    public Reason reason() {
        return reason;
    }
}
