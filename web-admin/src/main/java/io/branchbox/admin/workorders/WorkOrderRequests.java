package io.branchbox.admin.workorders;

/** Request bodies of the work-order API (unknown fields are refused by the admin's reader). */
final class WorkOrderRequests {
    private WorkOrderRequests() {}

    /** {@code POST /api/workorders}. */
    record Create(String kind, String source, String callId, String callerNumber, String callerName, String address,
            String area, String summary, String submission) {}

    /** {@code POST /api/workorders/{number}/stages}; {@code callId} is the dialled call of a callback. */
    record Enter(String stage, String crew, String outcome, String note, String callId, String submission) {}

    /** {@code POST /api/workorders/crew-report}: a crew on the phone browser, with its PIN. */
    record CrewReport(String crew, String pin, String order, String stage, String submission) {}

    /** {@code POST /api/voicemails/{callId}/handled}. */
    record Handled(String outcome, String order) {}

    /** {@code POST /api/workorders/{number}/corrections}: {@code ref} is the corrected stage's {@code seq}. */
    record Correct(long ref, String text, String submission) {}

    /** {@code POST /api/crews/{id}/pin}: the new PIN (never logged, never sent back). */
    record Pin(String pin) {}

    /** {@code POST /api/handovers}. */
    record Write(String notes, String submission) {}
}
