package io.branchbox.firmware.journal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable event of the box's append-only journal: something that happened to a call, a
 * queue or an agent.
 *
 * <p>{@code type} is an open string such as {@code "call.offered"} or {@code "agent.state"}; the
 * meaning of each type and its {@code attrs} is documented where the events are produced (for
 * calls: {@link CallEvents}, whose form this is through {@link CallEventCodec}). {@code callId}, {@code agentId} and
 * {@code queue} are {@code null} when they do not apply. {@code attrs} is copied and never null;
 * its keys and values must not be null (leave an unknown attribute out).
 *
 * <p>{@code seq} is assigned by {@link EventJournal#append}: an event built by the caller carries
 * {@link #UNASSIGNED} until then.
 */
public record JournalEvent(
        long seq, Instant at, String type, String callId, String agentId, String queue,
        Map<String, String> attrs) {

    /** The sequence number of an event that has not been appended yet. */
    public static final long UNASSIGNED = 0;

    public JournalEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("event type must not be blank");
        }
        attrs = attrs == null ? Map.of() : Map.copyOf(attrs);
    }

    /** An event not yet appended; {@link EventJournal#append} gives it its sequence number. */
    public static JournalEvent of(
            Instant at, String type, String callId, String agentId, String queue,
            Map<String, String> attrs) {
        return new JournalEvent(UNASSIGNED, at, type, callId, agentId, queue, attrs);
    }

    /** A call event without agent or queue. */
    public static JournalEvent ofCall(Instant at, String type, String callId, Map<String, String> attrs) {
        return of(at, type, callId, null, null, attrs);
    }

    /** This event with the given sequence number. */
    public JournalEvent withSeq(long newSeq) {
        return new JournalEvent(newSeq, at, type, callId, agentId, queue, attrs);
    }

    /** The attribute {@code key}, or {@code null} when absent. */
    public String attr(String key) {
        return attrs.get(key);
    }
}
