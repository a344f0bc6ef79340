package io.branchbox.firmware.call;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import java.time.Duration;
import java.util.Optional;

/**
 * What a queue does with a waiting caller, decided from the queue's settings and the call alone:
 * whether a full queue or a long wait overflows and where to (another queue, a voicemail, a
 * callback, or nowhere: the caller waits on, nobody is dropped), what the maximum wait does while
 * a seat is ringing, how long a seat rings, and what a ring-no-answer means for the call and the
 * agent. A policy: pure functions returning decisions; {@link QueueFlow} carries them out.
 *
 * <p>Stateless and immutable.
 */
final class QueuePolicy {
    /** While a seat rings when the maximum wait passes, the wait is looked at again this much later. */
    static final Duration RING_FINISHING_RECHECK = Duration.ofSeconds(1);

    private QueuePolicy() {}

    /** Where an overflowing caller goes. */
    sealed interface Overflow {
        /** No overflow is configured (or its queue is empty): the caller waits on. */
        record WaitOn() implements Overflow {}

        /** To the head of {@code queue}'s line ({@link CallEvent#OVERFLOW_TO_QUEUE}). */
        record ToQueue(String queue) implements Overflow {}

        /** The caller leaves a voicemail ({@link CallEvent#TO_VOICEMAIL}). */
        record ToVoicemail() implements Overflow {}

        /** A callback is booked in {@code queue}, keeping the caller's place ({@link CallEvent#CALLBACK_BOOKED}). */
        record ToCallback(String queue) implements Overflow {}
    }

    /** The queue {@code q}'s overflow treatment for a caller in it. */
    static Overflow overflow(BoxConfig.Queue q) {
        return switch (q.overflow()) {
            case NONE -> new Overflow.WaitOn();
            case QUEUE -> q.overflowQueue().isEmpty() ? new Overflow.WaitOn() : new Overflow.ToQueue(q.overflowQueue());
            case VOICEMAIL -> new Overflow.ToVoicemail();
            case CALLBACK -> new Overflow.ToCallback(q.name());
        };
    }

    /**
     * The event an overflow fires on the call, asked of the transition table before anything
     * changes (a callback that finds no number fires {@link CallEvent#QUEUE_JOINED} instead, allowed
     * in the same states).
     */
    static CallEvent event(Overflow to) {
        return switch (to) {
            case Overflow.ToQueue q -> CallEvent.OVERFLOW_TO_QUEUE;
            case Overflow.ToVoicemail v -> CallEvent.TO_VOICEMAIL;
            case Overflow.ToCallback c -> CallEvent.CALLBACK_BOOKED;
            case Overflow.WaitOn w -> CallEvent.QUEUE_JOINED;
        };
    }

    /**
     * A caller about to join {@code q}: the overflow to apply at once because the queue is full,
     * or {@link Overflow.WaitOn} to join its line. {@code mayOverflow} is false for a caller who
     * goes back to the head of the line (missed offer, transfer, overflow from another queue, a
     * withheld number's callback): they are never turned away.
     */
    static Overflow onJoin(BoxConfig.Queue q, boolean full, boolean mayOverflow) {
        return mayOverflow && full ? overflow(q) : new Overflow.WaitOn();
    }

    /** How long a caller may wait in {@code q} before its overflow; empty when it has none (no timer). */
    static Optional<Duration> maxWait(BoxConfig.Queue q) {
        return q.overflow() == BoxConfig.Overflow.NONE ? Optional.empty() : Optional.of(Duration.ofSeconds(q.maxWaitS()));
    }

    /** What the maximum wait does when it passes. */
    sealed interface AfterMaxWait {
        /** The call still waits: it overflows now. */
        record OverflowNow() implements AfterMaxWait {}

        /** A seat is ringing: let the ring finish, look again {@code after}. */
        record LookAgain(Duration after) implements AfterMaxWait {}

        /** The call is no longer waiting (answered, in a voicemail, ended): nothing. */
        record Nothing() implements AfterMaxWait {}
    }

    /** The maximum wait passed for a call in {@code state}. */
    static AfterMaxWait afterMaxWait(Call.State state) {
        return switch (state) {
            case QUEUED -> new AfterMaxWait.OverflowNow();
            case OFFERED -> new AfterMaxWait.LookAgain(RING_FINISHING_RECHECK);
            default -> new AfterMaxWait.Nothing();
        };
    }

    /** How long a seat rings with a call of {@code q} before it goes back to the line. */
    static Duration offerTimeout(BoxConfig.Queue q) {
        return Duration.ofSeconds(q.offerTimeoutS());
    }

    /** The reason code of an agent set not ready for missing offers. */
    static final String MISSED_OFFERS = "missed-offers";

    /**
     * What a ring-no-answer means: the call ends with {@code endCause} (an internal or outbound
     * call nobody answered), or, when that is empty, goes back to the head of its line; and where
     * the agent who let it ring goes.
     */
    record Missed(Optional<Q850Cause> endCause, AgentAfter agent) {}

    /** Where an agent goes after letting a seat ring out. */
    sealed interface AgentAfter {
        /** Ready for the next call. */
        record Ready() implements AgentAfter {}

        /** They missed {@code inARow} offers, the document's limit: not ready ({@link #MISSED_OFFERS}). */
        record NotReadyMissedOffers(int inARow) implements AgentAfter {}

        /** The call reached them while not ready ({@code reason}, a transfer or an internal call): back to it. */
        record Resumes(String reason) implements AgentAfter {}
    }

    /**
     * A seat rang out. {@code inARow}: the agent's misses in a row counting this one (only
     * counted for inbound calls); {@code limit}: {@code console.missedOffersToNotReady};
     * {@code resumeNotReady}: the agent's not-ready reason if the call reached them while not
     * ready, else null.
     */
    static Missed missedOffer(Call.Direction direction, int inARow, int limit, String resumeNotReady) {
        AgentAfter agent = resumeNotReady != null ? new AgentAfter.Resumes(resumeNotReady)
                : direction == Call.Direction.IN && inARow >= limit ? new AgentAfter.NotReadyMissedOffers(inARow)
                : new AgentAfter.Ready();
        return new Missed(direction == Call.Direction.IN ? Optional.empty() : Optional.of(Q850Cause.NO_ANSWER), agent);
    }
}
