package io.branchbox.firmware.workorder;

/** The three kinds of work order of a branch hotline; each has its own stage sequence ({@link Transitions}). */
public enum OrderKind {
    /** Fault repair 报修: accepted → dispatched → arrived on site → completed → called back. */
    REPAIR,
    /** Complaint or report 投诉举报: accepted → assigned → handled → feedback (within 24 h) → closed. */
    COMPLAINT,
    /** Inquiry follow-up 咨询: accepted → passed to a department → answer received → called back. */
    INQUIRY
}
