package io.branchbox.firmware.recording;

import java.time.Instant;

/**
 * A snapshot of the recordings' storage for the web admin, MQTT and the front panel's REC LED.
 * {@code recordings} counts kept (not deleted) recordings, {@code onHold} those under legal hold,
 * {@code oldest} is the oldest kept recording's finish time (null when none). {@code problem} is
 * null unless the free space could not be read, in which case the level is {@link StorageLevel#FULL}.
 */
public record StorageStatus(Instant at, long freeBytes, long totalBytes, StorageLevel level,
        long recordings, long onHold, Instant oldest, String problem) {

    /** Free space in percent of the file system. */
    public double freePercent() {
        return totalBytes <= 0 ? 0 : freeBytes * 100.0 / totalBytes;
    }

    /** Whether the REC LED and MQTT should show a storage alarm. */
    public boolean alarm() {
        return level != StorageLevel.OK;
    }
}
