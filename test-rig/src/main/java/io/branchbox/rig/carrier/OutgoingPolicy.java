package io.branchbox.rig.carrier;

/** How the simulated network treats a SETUP from the box. */
public enum OutgoingPolicy {
    /** CALL PROCEEDING, ALERTING and CONNECT at once. */
    ANSWER,
    /** CALL PROCEEDING and ALERTING; the test answers with {@link OfferedCall#answer()}. */
    RING,
    /** CALL PROCEEDING only (drives the box's T310). */
    PROCEED_ONLY,
    /** RELEASE COMPLETE with cause 34 (no circuit). */
    REJECT_NO_CIRCUIT,
    /** No answer at all (drives the box's T303). */
    IGNORE
}
