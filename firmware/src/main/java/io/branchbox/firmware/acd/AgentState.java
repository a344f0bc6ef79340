package io.branchbox.firmware.acd;

/** An agent's state as the ACD and the seat lamps see it. */
public enum AgentState {
    LOGGED_OUT,
    /** Set busy (示忙): at the seat but not taking calls. */
    NOT_READY,
    READY,
    /** A call is ringing at the seat. */
    OFFERED,
    ON_CALL,
    /** After a call, counted as not ready everywhere until wrap-up time ends. */
    WRAP_UP;

    /** Whether the agent is at work on a call (offered, talking or wrapping up). */
    public boolean busyWithCall() {
        return this == OFFERED || this == ON_CALL || this == WRAP_UP;
    }
}
