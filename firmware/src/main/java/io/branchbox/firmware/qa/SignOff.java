package io.branchbox.firmware.qa;

/**
 * Where a QA result stands in the sign-off: the inspector scored it, the agent acknowledged or
 * disputed it, the shift lead confirmed or changed a disputed one.
 */
public enum SignOff {
    SCORED, ACKNOWLEDGED, DISPUTED, CONFIRMED, CHANGED;

    /** Whether the agent and (for a dispute) the shift lead are done with it. */
    public boolean closed() {
        return this == ACKNOWLEDGED || this == CONFIRMED || this == CHANGED;
    }
}
