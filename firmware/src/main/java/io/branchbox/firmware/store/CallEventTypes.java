package io.branchbox.firmware.store;

/**
 * The journal event types that make up a call's history, and their attribute keys. Call control,
 * the ACD and the recorder append these; {@link CallRecordProjector} turns them into call records.
 *
 * <p>Every call event carries the call's {@code callId}. Times are the event's {@code at}.
 * <ul>
 *   <li>{@link #CALL_STARTED}: a call is set up. Attributes {@link #DIRECTION} ({@code IN},
 *       {@code OUT}, {@code INTERNAL}), {@link #TRUNK} ({@code "span0/ts1"}, {@code "fxo2"}),
 *       {@link #CALLING}, {@link #CALLED}.
 *   <li>{@link #CALL_ANSWERED}: the call is answered end to end (inbound: by the box; outbound:
 *       by the far end). Sets the record's answer time if not yet set.
 *   <li>{@link #CALL_QUEUED}: the call waits in the event's {@code queue}.
 *   <li>{@link #CALL_OFFERED}: the call rings at the event's {@code agentId}; does not change the
 *       record (statistics of offers read the journal).
 *   <li>{@link #CALL_CONNECTED}: the call talks to the event's {@code agentId} at seat
 *       {@link #SEAT}. Sets agent and seat, and the answer time if not yet set.
 *   <li>{@link #CALL_ENDED}: the call is over. {@link #CAUSE}: the release cause (Q.931 cause
 *       value or an FXO reason); optional {@link #DISPOSITION}: a {@link CallDisposition} name,
 *       otherwise derived: an agent took it: ANSWERED; queued but no agent: ABANDONED; answered:
 *       ANSWERED; otherwise FAILED.
 *   <li>{@link #RECORDING_FINISHED}: the call's recording is complete. {@link #FILE},
 *       {@link #SHA256}, {@link #DURATION_MS}.
 *   <li>{@link #CALL_ATTEMPT}: one SETUP of an outbound call and how it ended (the dialer may
 *       try several channels and spans). {@link #ATTEMPT} (1, 2, ...), {@link #TRUNK},
 *       {@link #CAUSE} (Q.850 value, 0 when answered), {@link #CAUSE_LOCATION} ("user" is the box
 *       itself, "public_local" etc. the network), {@link #OUTCOME} ({@code ANSWERED},
 *       {@code FAILED_RETRYABLE}, {@code FAILED_FINAL}, {@code DEADLINE}, {@code CANCELLED}),
 *       {@link #STARTED_AT} (ISO-8601 instant the SETUP went out), {@link #DURATION_MS},
 *       {@link #REASON} (the cause in words). Does not change the record (the web admin lists
 *       the attempts from the journal).
 *   <li>{@link #AGENT_STATE}: an agent's state changes ({@code agentId}, attribute
 *       {@link #STATE}); not a call event, listed here so the vocabulary is in one place.
 * </ul>
 */
public final class CallEventTypes {
    public static final String CALL_STARTED = "call.started";
    public static final String CALL_ANSWERED = "call.answered";
    public static final String CALL_QUEUED = "call.queued";
    public static final String CALL_OFFERED = "call.offered";
    public static final String CALL_CONNECTED = "call.connected";
    public static final String CALL_ENDED = "call.ended";
    public static final String RECORDING_FINISHED = "recording.finished";
    public static final String AGENT_STATE = "agent.state";
    /** An offer rang out unanswered at {@code agentId}; the call went back to the head of its queue. */
    public static final String CALL_OFFER_MISSED = "call.offer_missed";
    /** The call waited its queue's maximum and moved on: attributes {@link #FROM} (queue); the event's queue is the new one. */
    public static final String CALL_OVERFLOW = "call.overflow";
    public static final String FROM = "from";
    /** The caller rated the call after the agent hung up; attribute {@link #RATING} (1 satisfied, 2 neutral, 3 dissatisfied). */
    public static final String CALL_SURVEY = "call.survey";
    /** The call's recording could not be finished; attribute {@link #ERROR}. */
    public static final String RECORDING_FAILED = "recording.failed";
    /** One attempt of an outbound call; see the list above for its attributes. */
    public static final String CALL_ATTEMPT = "call.attempt";

    public static final String DIRECTION = "direction";
    public static final String TRUNK = "trunk";
    public static final String CALLING = "calling";
    public static final String CALLED = "called";
    public static final String SEAT = "seat";
    public static final String CAUSE = "cause";
    public static final String DISPOSITION = "disposition";
    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    public static final String DURATION_MS = "durationMs";
    public static final String STATE = "state";
    /** Free text for a technician: why a call ended or an agent changed state. */
    public static final String REASON = "reason";
    public static final String ERROR = "error";
    public static final String RATING = "rating";
    /** The attempt's number within its call, from 1. */
    public static final String ATTEMPT = "attempt";
    /** Who gave the cause (Q.931 location in lower case; "user" is the box). */
    public static final String CAUSE_LOCATION = "causeLocation";
    /** How an attempt ended. */
    public static final String OUTCOME = "outcome";
    /** When an attempt began (ISO-8601); the event's {@code at} is when it ended. */
    public static final String STARTED_AT = "startedAt";

    private CallEventTypes() {}
}
