package io.branchbox.firmware.workorder;

/** Where an order stands: the last stage that moved it, as a state of {@link Transitions}. */
public enum OrderStatus {
    ACCEPTED,
    DISPATCHED,
    ON_SITE,
    COMPLETED,
    ASSIGNED,
    HANDLED,
    FED_BACK,
    PASSED_ON,
    ANSWERED,
    /** The customer was reached and not satisfied: the order goes back to dispatch / assignment. */
    REOPENED,
    CLOSED;

    /** Whether the order still needs work. */
    public boolean open() {
        return this != CLOSED;
    }
}
