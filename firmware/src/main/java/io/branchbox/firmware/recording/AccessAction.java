package io.branchbox.firmware.recording;

/** What someone did with a recording; every such act is written to the {@link AccessLog}. */
public enum AccessAction {
    /** Played it back (web admin player, supervisor monitor of a stored call). */
    LISTEN,
    /** Downloaded the WAV file. */
    DOWNLOAD,
    /** Exported it for a dispute ({@link RecordingExport}). */
    EXPORT,
    /** Put it on legal hold. */
    HOLD,
    /** Released it from legal hold. */
    RELEASE,
    /** Deleted its file (retention, or early deletion the technician allowed). */
    DELETE
}
