package io.branchbox.firmware.recording;

/** How close the recordings' disk is to full, worst last; see {@link StoragePolicy}. */
public enum StorageLevel {
    /** Above the warning threshold. */
    OK,
    /** Below the warning threshold: weeks of room at most, nothing is deleted yet. */
    WARN,
    /** Below the critical threshold: act now (free space, raise retention limits, swap disk). */
    CRITICAL,
    /** Too little room for recordings (or the free space cannot be read): calls go on unrecorded. */
    FULL
}
