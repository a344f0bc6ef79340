package io.branchbox.firmware.workorder;

/**
 * The one owner of the work-order journal format: event types beyond the stages
 * ({@link Stage#eventType()}) and the attribute names every event carries. docs/WORKORDERS.md
 * lists them for the KPI and central-office readers; keep the two in step.
 *
 * <p>Every stage event carries {@link #ORDER}, {@link #KIND}, {@link #BY}, {@link #ROLE},
 * {@link #VIA} and {@link #SUBMISSION}; the event's {@code callId} is the proof call (the crew's
 * call for a phone report, the dialled call for a callback, the origin call for an acceptance).
 */
public final class WorkOrderEvents {
    private WorkOrderEvents() {}

    /** A stage's deadline passed: escalated to the shift lead ({@link #STAGE}, {@link #DUE}, {@link #LEAD}). */
    public static final String LATE = "workorder.late";
    /** A correction of an earlier event: {@link #REF} is its journal sequence number, {@link #NOTE} the text. */
    public static final String NOTE = "workorder.note";
    /** A leaving lead's handover ({@link #HANDOVER}, {@link #FROM_SHIFT}, {@link #TO_SHIFT}, {@link #ORDERS}, ...). */
    public static final String HANDOVER_WRITTEN = "workorder.handover.written";
    /** The arriving lead acknowledged a handover ({@link #HANDOVER}); the listed orders pass to their shift. */
    public static final String HANDOVER_ACKNOWLEDGED = "workorder.handover.acknowledged";

    /** A call to the crew IVR failed three times and went to an agent ({@link #CALLER}, {@link #CREW}). */
    public static final String CREW_FAILED = "workorder.crew.failed";
    /** A technician or lead set or reset a crew's PIN ({@code crew}, {@code by}; never the PIN). */
    public static final String CREW_PIN_SET = "workorder.crew.pin";

    public static final String ORDER = "order";
    public static final String KIND = "kind";
    public static final String BY = "by";
    public static final String ROLE = "role";
    public static final String VIA = "via";
    public static final String SUBMISSION = "submission";
    public static final String CREW = "crew";
    public static final String OUTCOME = "outcome";
    /** {@code true} when a callback reached the customer (a valid callback). */
    public static final String REACHED = "reached";
    /** {@code true} when a callback or feedback was entered by its deadline. */
    public static final String ON_TIME = "onTime";
    public static final String NOTE_TEXT = "note";
    public static final String SOURCE = "source";
    public static final String CALLER = "caller";
    public static final String NAME = "name";
    public static final String ADDRESS = "address";
    public static final String AREA = "area";
    public static final String SUMMARY = "summary";
    public static final String SHIFT = "shift";
    public static final String CASE_LAG = "caseLag";
    public static final String CALL_ENDED = "callEnded";
    public static final String STAGE = "stage";
    public static final String DUE = "due";
    public static final String LEAD = "lead";
    public static final String REF = "ref";
    public static final String HANDOVER = "handover";
    public static final String FROM_SHIFT = "fromShift";
    public static final String TO_SHIFT = "toShift";
    /** Comma-separated order numbers. */
    public static final String ORDERS = "orders";
    /** Comma-separated order numbers whose callback is due. */
    public static final String CALLBACKS = "callbacks";
    /** Comma-separated order numbers that are late. */
    public static final String ALARMS = "alarms";
}
