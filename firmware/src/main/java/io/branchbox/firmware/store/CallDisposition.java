package io.branchbox.firmware.store;

/** How a call ended, as reported in call records and statistics. */
public enum CallDisposition {
    /** Not ended yet. */
    IN_PROGRESS,
    /** Talked to an agent (inbound) or the far end answered (outbound, internal). */
    ANSWERED,
    /** The caller hung up while queued or ringing, before an agent took the call. */
    ABANDONED,
    /** The called party was busy. */
    BUSY,
    /** Rang out without answer, no queue involved. */
    NO_ANSWER,
    /** Could not be set up (network or box failure). */
    FAILED,
    /** The caller left a voicemail instead of waiting. */
    VOICEMAIL,
    /** The caller booked a callback instead of waiting. */
    CALLBACK
}
