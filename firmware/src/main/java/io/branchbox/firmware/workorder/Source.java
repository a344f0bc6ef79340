package io.branchbox.firmware.workorder;

/** What an order was opened from: a call (during or right after it), a callback, or a voicemail message. */
public enum Source { CALL, CALLBACK, VOICEMAIL }
