package io.branchbox.firmware.journal;

/**
 * The on-disk names of the call events and their attribute keys: the strings
 * {@link CallEventCodec} maps {@link CallEvents} records to and from. Main code outside the
 * journal uses the records, never these (tests and benchmarks that write the old form by hand may).
 *
 * <p>Every call event carries the call's {@code callId}. Times are the event's {@code at}.
 * <ul>
 *   <li>{@link #CALL_STARTED}: a call is set up. Attributes {@link #DIRECTION} ({@code IN},
 *       {@code OUT}, {@code INTERNAL}), {@link #TRUNK} ({@code "span0/ts1"}, {@code "fxo2"}),
 *       {@link #CALLING}, {@link #CALLED}.
 *   <li>{@link #CALL_ANSWERED}: the call is answered end to end (inbound: by the box; outbound:
 *       by the far end). Sets the record's answer time if not yet set; an outbound call's answer
 *       carries {@link #TRUNK}, the channel it was placed on, which fills the record's trunk.
 *   <li>{@link #CALL_QUEUED}: the call waits in the event's {@code queue}.
 *   <li>{@link #CALL_OFFERED}: the call rings at the event's {@code agentId}; does not change the
 *       record (statistics of offers read the journal).
 *   <li>{@link #CALL_CONNECTED}: the call talks to the event's {@code agentId} at seat
 *       {@link #SEAT}. Sets agent and seat, and the answer time if not yet set.
 *   <li>{@link #CALL_ENDED}: the call is over. {@link #CAUSE}: the release cause (Q.931 cause
 *       value or an FXO reason); optional {@link #DISPOSITION}: a {@link io.branchbox.firmware.store.CallDisposition} name,
 *       otherwise derived: an agent took it: ANSWERED; queued but no agent: ABANDONED; answered:
 *       ANSWERED; otherwise FAILED.
 *   <li>{@link #RECORDING_FINISHED}: the call's recording is complete. {@link #FILE},
 *       {@link #SHA256}, {@link #DURATION_MS}; optional {@link #BYTES}, {@link #LOST_FRAMES},
 *       {@link #WRITE_ERROR} (the recorder's report).
 *   <li>{@link #CALL_ATTEMPT}: one SETUP of an outbound call and how it ended (the dialer may
 *       try several channels and spans). {@link #ATTEMPT} (1, 2, ...), {@link #TRUNK},
 *       {@link #CAUSE} (Q.850 value, 0 when answered), {@link #CAUSE_LOCATION} ("user" is the box
 *       itself, "public_local" etc. the network), {@link #OUTCOME} ({@code ANSWERED},
 *       {@code FAILED_RETRYABLE}, {@code FAILED_FINAL}, {@code DEADLINE}, {@code CANCELLED}),
 *       {@link #STARTED_AT} (ISO-8601 instant the SETUP went out), {@link #DURATION_MS},
 *       {@link #REASON} (the cause in words). Does not change the record (the web admin lists
 *       the attempts from the journal).
 *   <li>{@link #AGENT_STATE}: an agent's state changes ({@code agentId}, attributes
 *       {@link #STATE}, {@link #REASON}, {@link #REASON_CODE} for not ready, {@link #SEAT}); the
 *       event's {@code callId} is the call the agent is busy with, if any. Not a call event,
 *       listed here so the vocabulary is in one place.
 *   <li>Call-handling events ({@link #CALL_IVR}, {@link #CALL_NIGHT}, {@link #CALL_HELD},
 *       {@link #CALL_RETRIEVED}, {@link #CALL_CONSULT}, {@link #CALL_TRANSFERRED},
 *       {@link #CALL_WRAPUP}, {@link #CALL_MONITOR}, {@link #CALL_VOICEMAIL},
 *       {@link #CALLBACK_REQUESTED}, {@link #CALLBACK_DONE}): see each constant. A transferred call
 *       keeps its id, its recording and its record; {@link #CALL_CONNECTED} is appended again for
 *       each agent who talks to it (the record keeps the first as the answering agent; statistics
 *       count the handle time of each). {@link #CALL_QUEUED} carries {@link #PRIORITY}.
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
    /**
     * The box refused an inbound call before it existed (a network SETUP answered with RELEASE
     * COMPLETE): {@link #CAUSE} (Q.850 value), {@link #TRUNK} ({@code "span0/ts5"}, or
     * {@code "span0"} when the SETUP named no channel), {@link #CALLING}, {@link #CALLED},
     * {@link #REASON}. No {@code callId}: no call was created. Statistics count it as offered and
     * lost ({@code stats.CallStatistics}).
     */
    public static final String CALL_REFUSED = "call.refused";
    /**
     * A restart event on a PRI span's D-channel (Q.931 5.5): {@link #KIND} (a
     * {@code RestartEvent.Kind} name), {@link #TRUNK} ({@code "span0"}), {@link #CAUSE} of the
     * STATUS sent back ("0" when none), {@link #CHANNELS} (timeslots, comma-separated).
     */
    public static final String SPAN_RESTART = "span.restart";
    public static final String CHANNELS = "channels";
    /** One attempt of an outbound call; see the list above for its attributes. */
    public static final String CALL_ATTEMPT = "call.attempt";

    /** The caller chose in an IVR menu: {@link #MENU}, {@link #KEY} ("" for a timeout), {@link #STEP} (action:target). */
    public static final String CALL_IVR = "call.ivr";
    /** The caller reached the box outside business hours: {@link #ACTION} (the night service given). */
    public static final String CALL_NIGHT = "call.night";
    /** The agent put the caller on hold ({@code agentId}); the caller hears music. */
    public static final String CALL_HELD = "call.held";
    /** The agent took the caller back from hold. */
    public static final String CALL_RETRIEVED = "call.retrieved";
    /**
     * The call moved from {@code agentId} to another agent or a queue: {@link #KIND}
     * ({@code BLIND} or {@code ATTENDED}), {@link #TO} ("agent:ID" or "queue:NAME").
     */
    public static final String CALL_TRANSFERRED = "call.transferred";
    /** The agent consulted a colleague before an attended transfer: {@link #TO}; ends with a transfer or a retrieve. */
    public static final String CALL_CONSULT = "call.consult";
    /** The agent classified the finished call: {@link #CODE}, {@link #NOTES}, {@link #CUSTOMER} (the caller's name if given). */
    public static final String CALL_WRAPUP = "call.wrapup";
    /**
     * A supervisor ({@code agentId}) joined or left the call: {@link #MODE} ({@code LISTEN},
     * {@code WHISPER}, {@code BARGE}, {@code END}), {@link #TARGET} (the agent listened to).
     */
    public static final String CALL_MONITOR = "call.monitor";
    /** The caller left a voicemail: {@link #FILE}, {@link #DURATION_MS}; the event's queue owns it. */
    public static final String CALL_VOICEMAIL = "call.voicemail";
    /**
     * A callback was booked: {@link #NUMBER} to call, {@link #PRIORITY}, {@link #PLACE_SINCE}
     * (ISO-8601: when the caller started waiting, so the callback keeps their place); the
     * event's {@code callId} is the call that asked, the queue the one that calls back.
     */
    public static final String CALLBACK_REQUESTED = "callback.requested";
    /**
     * A callback is over: {@link #OUTCOME} ({@code REACHED}, {@code FAILED}: attempts used up,
     * {@code CANCELLED}), {@link #ATTEMPT} (how many were made), {@link #REQUEST} (the asking call's id);
     * the event's {@code callId} is the outbound call of the last attempt ("" if none was made).
     */
    public static final String CALLBACK_DONE = "callback.done";
    public static final String DIRECTION = "direction";
    public static final String TRUNK = "trunk";
    public static final String CALLING = "calling";
    public static final String CALLED = "called";
    public static final String SEAT = "seat";
    public static final String CAUSE = "cause";
    public static final String DISPOSITION = "disposition";
    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    /** On {@link #RECORDING_FINISHED}, optional: the file's size in bytes. */
    public static final String BYTES = "bytes";
    /** On {@link #RECORDING_FINISHED}, optional: 20 ms frames the recorder lost. */
    public static final String LOST_FRAMES = "lostFrames";
    /** On {@link #RECORDING_FINISHED}, optional: why writing failed (absent when it did not). */
    public static final String WRITE_ERROR = "writeError";
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
    public static final String MENU = "menu";
    public static final String KEY = "key";
    public static final String STEP = "step";
    public static final String ACTION = "action";
    public static final String KIND = "kind";
    public static final String TO = "to";
    public static final String CODE = "code";
    public static final String NOTES = "notes";
    public static final String CUSTOMER = "customer";
    public static final String MODE = "mode";
    public static final String TARGET = "target";
    public static final String NUMBER = "number";
    /** A caller's priority, 0 (normal) to 9; on {@link #CALL_QUEUED} too. */
    public static final String PRIORITY = "priority";
    public static final String PLACE_SINCE = "placeSince";
    public static final String REQUEST = "request";
    /** On {@link #AGENT_STATE}: the not-ready reason code the agent chose ("" otherwise). */
    public static final String REASON_CODE = "reasonCode";

    private CallEventTypes() {}
}
