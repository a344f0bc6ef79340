package io.branchbox.firmware.kpi;

/**
 * Journal events the KPIs read besides the call events of {@code store.CallEventTypes}: what the
 * box writes at start, and what the work-order and quality features are expected to write
 * (docs/KPIS.md, "Events from other features"). Until such events exist the KPIs built on them
 * show "no data".
 */
public final class KpiEvents {
    /** The box started (written before crash recovery): whatever was open before it ended at the last event. */
    public static final String BOX_STARTED = "box.started";

    /** A work order was accepted: attributes {@link #ORDER}, {@link #KIND}; {@code agentId} who accepted it. */
    public static final String WORKORDER_CREATED = "workorder.created";
    /** A work order reached a stage: {@link #ORDER}, {@link #STAGE} ({@link #COMPLETED}, {@link #FEEDBACK}, ...). */
    public static final String WORKORDER_STAGE = "workorder.stage";
    /** A callback to the customer of a work order: {@link #ORDER}, {@link #OUTCOME} ({@link #REACHED} or not). */
    public static final String WORKORDER_CALLBACK = "workorder.callback";
    /**
     * The work-order book's own events (workorder.WorkOrderEvents, docs/WORKORDERS.md), which the
     * box journals: an order accepted ({@code kind}, {@code agentId} the owner), a repair completed,
     * a call to the customer ({@code reached} "true"/"false"; on a complaint it is the feedback).
     */
    public static final String WORKORDER_ACCEPTED = "workorder.accepted";
    public static final String WORKORDER_COMPLETED = "workorder.completed";
    /** {@link #WORKORDER_CALLBACK}'s attribute in the book's vocabulary: whether the customer was reached. */
    public static final String REACHED_FLAG = "reached";
    /** Every work-order event type starts with this. */
    public static final String WORKORDER_PREFIX = "workorder.";
    /** A call was scored by quality staff: {@code callId}, {@code agentId} the agent scored. */
    public static final String QA_SCORED = "qa.scored";
    /** Every quality event type starts with this. */
    public static final String QA_PREFIX = "qa.";

    public static final String ORDER = "order";
    public static final String KIND = "kind";
    public static final String STAGE = "stage";
    public static final String OUTCOME = "outcome";
    /** {@link #KIND} of a fault repair order. */
    public static final String REPAIR = "REPAIR";
    /** {@link #KIND} of a complaint or report. */
    public static final String COMPLAINT = "COMPLAINT";
    /** The repair crew reported the job done: the 24 h callback window opens. */
    public static final String COMPLETED = "COMPLETED";
    /** The customer got the complaint's feedback. */
    public static final String FEEDBACK = "FEEDBACK";
    /** A callback that spoke to the customer. */
    public static final String REACHED = "REACHED";

    private KpiEvents() {}
}
