package io.branchbox.firmware.call;

/**
 * What can happen to a call, as call control's state machine sees it ({@link CallTransitions}).
 * Each event comes from one source: the trunk, a seat (button or headset channel), a timer, the
 * caller's keys, the agent console, or a decision of the IVR, queue or transfer policies. Whether
 * an event is allowed, and where it leads, is the transition table's business alone; an event
 * the table does not allow in the call's state is logged and ignored ({@link Call#on}).
 */
public enum CallEvent {
    /** Trunk: the board opened the caller's channel and the box answered. */
    TRUNK_ANSWERED,
    /** IVR: the caller reached the crew line (by number or the entry menu's crew code). */
    CREW_LINE,
    /** IVR: the menu, the crew line or a withheld number's callback puts the caller in a queue. */
    QUEUE_JOINED,
    /** Queue policy: the queue is full or the wait too long, and the overflow is another queue. */
    OVERFLOW_TO_QUEUE,
    /** IVR or queue overflow: the caller leaves a voicemail. */
    TO_VOICEMAIL,
    /** Timer: the voicemail reached its maximum length; the box hangs up. */
    VOICEMAIL_TIME_UP,
    /** IVR or queue overflow: a callback is booked; the caller hears so, then the box hangs up. */
    CALLBACK_BOOKED,
    /** IVR: the caller is forwarded to a number on a trunk. */
    FORWARD,
    /** Trunk: the forward did not go through; the caller hears "closed". */
    FORWARD_FAILED,
    /** IVR: a last message, then the box hangs up. */
    LAST_MESSAGE,
    /** Console or callback: an agent places a call from their seat. */
    DIAL,
    /** Seat: an internal call rings the colleague's seat. */
    COLLEAGUE_RUNG,
    /** Trunk: the far end of an outbound call answered and its channel is open. */
    FAR_END_ANSWERED,
    /** ACD: a ready agent was matched; their seat rings. */
    AGENT_MATCHED,
    /** Timer: the seat rang for the queue's offer timeout without an answer. */
    OFFER_TIMEOUT,
    /** Seat: the agent answered but their headset channel did not open. */
    SEAT_FAULT,
    /** Seat: the agent answered and their headset channel is open and bridged. */
    SEAT_OPENED,
    /** Console: the agent puts the caller on hold. */
    HOLD,
    /** Console: the agent takes the caller back from hold. */
    RETRIEVE,
    /** Console: the agent consults a colleague (attended transfer); the caller holds. */
    CONSULT,
    /** Console, seat or timer: the consultation ends without a transfer. */
    CONSULT_ENDED,
    /** Console or seat: the agent hands the caller to the consulted colleague. */
    TRANSFER_COMPLETED,
    /** Console: blind transfer to an agent, whose seat rings. */
    BLIND_TRANSFER_TO_AGENT,
    /** Console: blind transfer to a queue, at its head. */
    BLIND_TRANSFER_TO_QUEUE,
    /** Seat: the agent hung up first and the caller is asked to rate the call. */
    SURVEY_STARTED,
    /** Anything that ends the call: trunk cleared, hang-up, failure, no answer, box stopping. */
    END
}
