package io.branchbox.firmware.workorder;

/**
 * What a call to the customer ({@link Stage#CALLBACK}) came to, as the agent enters it.
 * Only a reached customer is a valid callback (有效回访).
 */
public enum CallbackOutcome {
    REACHED_SATISFIED,
    REACHED_NOT_SATISFIED,
    NO_ANSWER,
    WRONG_NUMBER;

    /** Whether the customer was reached (counts as a valid callback). */
    public boolean reached() {
        return this == REACHED_SATISFIED || this == REACHED_NOT_SATISFIED;
    }
}
