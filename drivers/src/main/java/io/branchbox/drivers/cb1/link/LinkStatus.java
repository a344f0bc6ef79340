package io.branchbox.drivers.cb1.link;

/**
 * Where the board link is in its life, with a human-readable reason for the admin page and logs.
 *
 * @param state  the lifecycle state
 * @param reason why it is in that state, never null
 */
public record LinkStatus(State state, String reason) {

    /** Lifecycle of the board link. */
    public enum State {
        /** Opening the device or waiting for the first HELLO. */
        STARTING,
        /** HELLO received and PONGs arriving: commands and audio flow. */
        ONLINE,
        /** The device is absent or failed; reopening every reopen interval. */
        OFFLINE,
        /** The board was declared failed and pulsed through the reset line; waiting for HELLO. */
        RESETTING
    }
}
