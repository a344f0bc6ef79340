package io.branchbox.firmware.uplink;

/** What the UPLINK LED and the web admin show. */
public enum UplinkState {
    /** Switched off in the settings, settings invalid, or the service is stopped. */
    DISABLED,
    /** Trying to reach the broker, or waiting for the next attempt. */
    CONNECTING,
    /** Connected; queued messages are being drained. */
    CONNECTED
}
