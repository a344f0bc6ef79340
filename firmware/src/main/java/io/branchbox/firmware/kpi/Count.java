package io.branchbox.firmware.kpi;

/**
 * The counts behind every KPI: each is a sum over a period, so a period's counts are the sums of
 * its days' (and shifts') counts, and ratios are only ever taken of sums. Times in milliseconds.
 * The definitions are written out in docs/KPIS.md; the key is the name in JSON, CSV and xlsx.
 *
 * <p>When a call counts: on the local day (and in the shift) it <b>ended</b>, so a closed day
 * never changes. Agent time counts in the day and shift it was spent in. Work-order and QA counts
 * on the day their outcome was decided (see {@link KpiLedger}).
 */
public enum Count {
    INBOUND("inbound", "inbound calls that ended (from a trunk: E1 or analog line)"),
    OFFERED("offered", "inbound calls that reached a queue, each once however often re-queued or transferred"),
    SHORT_ABANDONED("shortAbandoned", "offered calls given up within 5 s of reaching the queue (not counted as asking)"),
    ASKED("askedForAgent", "calls that asked for an agent: offered minus short abandons"),
    HANDLED("handled", "asked calls an agent answered (per agent: calls the agent talked to, transfers included)"),
    ABANDONED("abandoned", "asked calls given up after 5 s or more in the queue, without voicemail or callback"),
    FLOWED_OUT("flowedOut", "asked calls that left a voicemail or booked a callback instead of waiting"),
    ANSWERED_IN_SL("answeredInServiceLevel", "handled calls answered within the service-level time of reaching the queue"),
    ASA_MS("speedOfAnswerMs", "sum over handled calls of the time from the queue to the first agent"),
    ANSWERED_WITHIN_3S("answeredWithin3s", "handled calls answered within 3 s (three rings) of ringing at the seat"),
    RESPONSE_MS("responseMs", "sum over handled calls of the time from reaching the line (greeting included) to the agent"),
    RESPONSE_WITHIN_8S("responseWithin8s", "handled calls whose response time was 8 s or less"),
    TALK_MS("talkMs", "talk time of the handled calls, every agent's part, hold excluded"),
    HOLD_MS("holdMs", "hold time of the handled calls (a consultation holds the caller)"),
    WRAP_UP_MS("wrapUpMs", "after-call work following handled calls (wrap-up state)"),
    HANDLE_MS("handleMs", "talk + hold + wrap-up"),
    ABANDON_MS("abandonWaitMs", "sum over abandoned calls of the wait before giving up"),
    RATED("rated", "handled calls the caller rated in the survey"),
    VALID_RATED("validRatings", "ratings that count: key 1, 2 or 3 on a handled call that talked 10 s or more"),
    SATISFIED("satisfied", "valid ratings 'satisfied' (key 1)"),
    HOLDS("holds", "holds of the handled calls"),
    TRANSFERS("transfers", "transfers of the handled calls"),
    MISSED_OFFERS("refusedOffers", "offers that rang out or were refused at a seat (the call went back to the queue)"),
    FAILED_INBOUND("failedInbound", "inbound calls the box could not set up (by cause in failedByCause)"),
    FAILED_ATTEMPTS("failedAttempts", "outbound dial attempts that did not connect (by cause in failedByCause)"),
    STAFFED_MS("staffedMs", "agent time available or working: ready, ringing, on a call, wrap-up"),
    BUSY_MS("busyMs", "agent time on a call or in wrap-up"),
    NOT_READY_MS("notReadyMs", "agent time set busy (示忙), by reason in notReadyByReason"),
    LOGGED_IN_MS("loggedInMs", "agent time logged in"),
    REPAIR_DUE("repairOrders", "repair orders whose 24 h callback window closed (or that were called back and reached)"),
    REPAIR_CALLED_BACK("repairCalledBack", "of those, called back within 24 h of completion"),
    REPAIR_REACHED("repairCallbackReached", "of those, a callback within 24 h reached the customer"),
    COMPLAINTS_DUE("complaints", "complaints whose 24 h feedback window closed or that got feedback"),
    COMPLAINTS_ON_TIME("complaintsOnTime", "of those, feedback to the customer within 24 h"),
    QA_SCORED("qaScored", "calls first scored by quality staff in the period (once per call)"),
    QA_PLANNED("qaPlanned", "calls to score: 5 % of handled calls, rounded up (qa.QaCompletion)"),
    QA_EVENTS("qaEvents", "quality events journaled (0: the QA feature has not been used)"),
    WORKORDER_EVENTS("workOrderEvents", "work-order events journaled (0: work orders not used)");

    private final String key;
    private final String definition;

    Count(String key, String definition) {
        this.key = key;
        this.definition = definition;
    }

    /** The name in JSON, CSV and xlsx. */
    public String key() {
        return key;
    }

    /** One line for the definitions sheet and docs/KPIS.md. */
    public String definition() {
        return definition;
    }

    /** Counts computed from others, never stored. */
    public boolean derived() {
        return this == ASKED || this == HANDLE_MS || this == QA_PLANNED;
    }
}
