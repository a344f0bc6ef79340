package io.branchbox.firmware.journal;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The journal's call events as typed values: one immutable record per event type of a call's
 * history, of an agent's state and of a span's refusals and restarts. Writers build a record and
 * hand it to {@link CallEventCodec} (or {@link EventJournal#append(CallEvents)}); readers get one
 * back from {@link CallEventCodec#decode} and switch over it. The strings on disk
 * ({@link CallEventTypes}) are the codec's business only.
 *
 * <p>The event's time and sequence number are the envelope's ({@link JournalEvent#at()},
 * {@link JournalEvent#seq()}), not the record's: a reader keeps the {@link JournalEvent} beside
 * the record.
 *
 * <p>Nullability: a {@code String}, boxed number, {@link Duration} or enum component documented as
 * "or null" was absent from the event (journals written by older firmware, or a writer that did
 * not know it); every other component is never null. Causes are the box's one cause type,
 * {@link Q850Cause}, stored as its bare value. A null string is left out on disk; an empty
 * string is written as such. Values are immutable and thread-safe.
 */
public sealed interface CallEvents extends Decoded {

    /** The call this event belongs to: never null or empty except where a record says so. */
    String callId();

    /** The agent the event names, or null. */
    default String agentId() {
        return null;
    }

    /** The queue the event names, or null. */
    default String queue() {
        return null;
    }

    /** Which way a call goes, seen from the box. */
    enum Direction { IN, OUT, INTERNAL }

    /** How a call ended, when its writer said so ({@code store.CallDisposition} without "in progress"). */
    enum Disposition { ANSWERED, ABANDONED, BUSY, NO_ANSWER, FAILED, VOICEMAIL, CALLBACK }

    /** How one outbound SETUP ended ({@code trunk.outbound.Attempt.Outcome}). */
    enum AttemptOutcome { ANSWERED, FAILED_RETRYABLE, FAILED_FINAL, DEADLINE, CANCELLED }

    /** How a callback request ended. */
    enum CallbackOutcome { REACHED, FAILED, CANCELLED }

    /** A transfer without or after a consultation. */
    enum TransferKind { BLIND, ATTENDED }

    /** What a supervisor does on a call; {@code END} leaves it. */
    enum MonitorMode { LISTEN, WHISPER, BARGE, END }

    /** An agent's state as journalled ({@code acd.AgentState}, which the journal may not import). */
    enum AgentStatus { LOGGED_OUT, NOT_READY, READY, OFFERED, ON_CALL, WRAP_UP }

    /**
     * A call is set up. {@code agentId}: the agent who dialled an outbound or internal call, or
     * null; {@code queue} or null; {@code trunk} ({@code "span0/ts1"}, {@code "fxo2"}, "" before an
     * outbound channel is known), {@code calling}, {@code called}: or null in old journals.
     */
    record Started(String callId, String agentId, String queue, Direction direction, String trunk, String calling,
                   String called) implements CallEvents {}

    /** Answered end to end; {@code trunk}: the channel an outbound call was placed on, or null. */
    record Answered(String callId, String queue, String trunk) implements CallEvents {}

    /** Waits in {@code queue}; {@code priority} 0 (normal) to 9, or null. */
    record Queued(String callId, String queue, Integer priority) implements CallEvents {}

    /** Rings at {@code agentId}'s {@code seat} (or null). */
    record Offered(String callId, String agentId, String queue, Integer seat) implements CallEvents {}

    /** The offer rang out unanswered; the call went back to the head of its queue. */
    record OfferMissed(String callId, String agentId, String queue, Integer seat) implements CallEvents {}

    /** Waited the maximum of queue {@code from} and moved on to {@code queue}. */
    record Overflowed(String callId, String queue, String from) implements CallEvents {}

    /** Talks to {@code agentId} at {@code seat} (or null); appended again after each transfer. */
    record Connected(String callId, String agentId, String queue, Integer seat) implements CallEvents {}

    /**
     * The call is over. {@code agentId}: the last agent or the dialling agent, or null;
     * {@code disposition} or null (the reader derives one); {@code cause}: why it was cleared, or
     * null; {@code reason} in words, or null; {@code duration} from set-up to end, or null.
     */
    record Ended(String callId, String agentId, String queue, Disposition disposition, Q850Cause cause, String reason,
                 Duration duration) implements CallEvents {}

    /**
     * The recording is complete: its {@code file} (absolute or under the recordings directory),
     * its hash and length, or null; what the recorder reported of its health, or null:
     * {@code bytes} the file's size, {@code lostFrames} 20 ms frames it could not write,
     * {@code writeError} why writing stopped.
     */
    record RecordingFinished(String callId, String queue, String file, String sha256, Duration duration, Long bytes,
                             Long lostFrames, String writeError) implements CallEvents {}

    /** The recording could not be finished, {@code error} in words. */
    record RecordingFailed(String callId, String queue, String error) implements CallEvents {}

    /**
     * One SETUP of an outbound call: the {@code attempt}-th (from 1) on {@code trunk};
     * {@code cause} the network's or the box's cause, null when answered ("0" on disk), given at
     * {@code causeLocation} ("user" is the box); began at {@code startedAt} and lasted
     * {@code duration}; {@code reason}: the cause in words.
     */
    record Attempt(String callId, int attempt, String trunk, Q850Cause cause, String causeLocation,
                   AttemptOutcome outcome,
                   Instant startedAt, Duration duration, String reason) implements CallEvents {}

    /**
     * An agent's state changes. {@code callId}: the call the agent is busy with, or null;
     * {@code reason} and {@code reasonCode} (the not-ready code, "" otherwise) or null;
     * {@code seat} or null.
     */
    record AgentStateChanged(String callId, String agentId, AgentStatus state, String reason, String reasonCode,
                             Integer seat) implements CallEvents {}

    /** An IVR choice: {@code key} "" for a timeout, {@code step} as "action:target". */
    record Ivr(String callId, String queue, String menu, String key, String step) implements CallEvents {}

    /** Reached the box outside business hours and got the night service {@code action}. */
    record Night(String callId, String queue, String action) implements CallEvents {}

    /** The agent put the caller on hold. */
    record Held(String callId, String agentId, String queue) implements CallEvents {}

    /** The agent took the caller back. */
    record Retrieved(String callId, String agentId, String queue) implements CallEvents {}

    /** The agent consults {@code to} ("agent:ID") while the caller waits. */
    record Consulted(String callId, String agentId, String queue, String to) implements CallEvents {}

    /** The call moved from {@code agentId} to {@code to} ("agent:ID" or "queue:NAME"). */
    record Transferred(String callId, String agentId, String queue, TransferKind kind, String to)
            implements CallEvents {}

    /** The agent classified the call; the last wins. Any of the texts may be null. */
    record WrappedUp(String callId, String agentId, String code, String notes, String customer)
            implements CallEvents {}

    /** A supervisor {@code agentId} joins ({@code mode}) or leaves ({@code END}) {@code target}'s call. */
    record Monitored(String callId, String agentId, String queue, MonitorMode mode, String target)
            implements CallEvents {}

    /** The caller left a voicemail in {@code file} (or null), {@code duration} long (or null). */
    record Voicemail(String callId, String queue, String file, Duration duration) implements CallEvents {}

    /** The caller rated the call: {@code rating} as keyed (1 satisfied, 2 neutral, 3 dissatisfied; readers check). */
    record Surveyed(String callId, String agentId, String queue, int rating) implements CallEvents {}

    /**
     * The box refused an inbound SETUP before a call existed: no call id ({@link #callId()} is
     * null). {@code trunk} "span0/ts5" or "span0"; {@code cause} sent back with the RELEASE COMPLETE.
     */
    record Refused(Q850Cause cause, String trunk, String calling, String called, String reason) implements CallEvents {
        @Override
        public String callId() {
            return null;
        }
    }

    /**
     * A restart on a PRI span's D-channel: {@code kind} (an {@code isdn} RestartEvent.Kind name),
     * {@code cause} of the STATUS sent back (null when none, "0" on disk), the {@code channels}
     * restarted. No call id.
     */
    record SpanRestarted(String kind, String trunk, Q850Cause cause, List<Integer> channels) implements CallEvents {
        public SpanRestarted {
            channels = List.copyOf(channels);
        }

        @Override
        public String callId() {
            return null;
        }
    }

    /**
     * A callback was booked: {@code callId} names the request (the asking call's id); {@code agentId}
     * the agent who booked it, or null; {@code placeSince}: since when the caller waits, or null.
     */
    record CallbackRequested(String callId, String agentId, String queue, String number, int priority,
                             Instant placeSince) implements CallEvents {}

    /**
     * A callback is over after {@code attempts} tries; {@code callId}: the outbound call of the
     * last try, "" if none was made; {@code request}: the request's id.
     */
    record CallbackDone(String callId, String queue, CallbackOutcome outcome, int attempts, String request)
            implements CallEvents {}
}
