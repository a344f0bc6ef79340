package io.branchbox.rig.carrier;

/**
 * How the test carrier answers the box's RESTART. Real networks differ: most acknowledge, some
 * switches silently ignore a user-side RESTART (the box must then not lose its channels).
 */
public enum RestartAnswer {
    /** RESTART ACKNOWLEDGE at once; calls on the channels are cleared, except SETUPs that crossed it. */
    ACKNOWLEDGE,
    /** No answer at all, nothing cleared. */
    IGNORE
}
