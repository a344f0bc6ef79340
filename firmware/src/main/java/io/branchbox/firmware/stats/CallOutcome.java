package io.branchbox.firmware.stats;

import java.time.Duration;
import java.time.Instant;

/**
 * A finished call as the statistics count it, built by {@link CallTracker} at {@code call.ended}.
 *
 * <p>Counting rules (the one place they are decided):
 * <ul>
 *   <li><b>Offered</b>: an inbound call that reached a queue. It is offered once, to the queue it
 *       first entered, however often it is re-queued, overflowed or transferred.
 *   <li><b>Answered</b>: offered and connected to an agent at least once. The first connection
 *       decides: a call blind-transferred to a queue and then hung up there is answered, not
 *       abandoned; its speed of answer is first queue to first agent.
 *   <li><b>Flowed out</b>: offered, never answered, and the caller left a voicemail or booked a
 *       callback: not the caller giving up, so not abandoned.
 *   <li><b>Abandoned</b>: offered, never answered and not flowed out (hung up in the queue or while
 *       a seat rang). Time to abandon runs from the first queue to the end of the call.
 *   <li><b>Failed</b>: inbound, ended on a fault before the box answered it (never in a queue, not
 *       night service): an offered caller lost at the door, counted with the refused SETUPs.
 *   <li><b>Handle time</b>: the sum of the agents' parts ({@link AgentPart}), holds included; time
 *       after the last agent left (survey) and ringing between parts are not handle time.
 * </ul>
 *
 * @param firstQueue  the queue the call first entered, null if it never queued
 * @param queuedAt    when it first entered a queue
 * @param offeredAt   the last offer before the first connection (or the last offer if never connected)
 * @param answeredAt  the first connection to an agent
 * @param rating      the survey rating 1..3, null if not rated
 * @param boxAnswered whether the box answered the call ({@code call.answered})
 * @param cause       the release cause of {@code call.ended}, 0 if none was given
 */
public record CallOutcome(String callId, boolean inbound, String firstQueue, Instant startedAt, Instant queuedAt,
        Instant offeredAt, Instant answeredAt, Instant endedAt, long handleMs, int holds, long holdMs, int transfers,
        Integer rating, boolean voicemail, boolean callbackRequested, boolean nightService, boolean boxAnswered,
        int cause) {

    public boolean offered() {
        return inbound && firstQueue != null;
    }

    public boolean answered() {
        return offered() && answeredAt != null;
    }

    public boolean flowedOut() {
        return offered() && answeredAt == null && (voicemail || callbackRequested);
    }

    public boolean abandoned() {
        return offered() && answeredAt == null && !voicemail && !callbackRequested;
    }

    /** An inbound call that never asked for an agent and was not night service: ended in the IVR. */
    public boolean ivrOnly() {
        return inbound && firstQueue == null && !nightService && !failed();
    }

    /**
     * An inbound call that ended before the box answered it, on a fault (a cause other than normal
     * clearing, e.g. 41 when the audio channel did not open): offered to the branch and lost. A
     * caller who hangs up in the instant before the answer (cause 16) is not a fault of the box.
     */
    public boolean failed() {
        return inbound && !boxAnswered && firstQueue == null && !nightService && cause != 0
                && cause != NORMAL_CLEARING;
    }

    private static final int NORMAL_CLEARING = 16;

    /** First queue to first agent; only meaningful when {@link #answered}. */
    public long speedOfAnswerMs() {
        return ms(queuedAt, answeredAt);
    }

    /** First queue to the end; only meaningful when {@link #abandoned}. */
    public long timeToAbandonMs() {
        return ms(queuedAt, endedAt);
    }

    static long ms(Instant a, Instant b) {
        return a == null || b == null ? 0 : Math.max(0, Duration.between(a, b).toMillis());
    }
}
