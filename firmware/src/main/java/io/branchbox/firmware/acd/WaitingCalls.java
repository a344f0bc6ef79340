package io.branchbox.firmware.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The callers the ACD knows, by call id: those waiting in a queue's line, in serving order, and
 * those taken out of line for an offer (ringing or answered), kept so that a call put back in
 * line keeps its priority and place.
 *
 * <p>An entry is forgotten by {@link #remove}; the last few forgotten entries are remembered
 * ({@link #RECENT}) so that "remove, then put back in another queue" also keeps the place.
 *
 * <p>Not thread-safe: owned by the signalling thread through {@link Acd}.
 */
final class WaitingCalls {
    /** How many removed entries are remembered for a later {@link #requeue}. */
    static final int RECENT = 64;

    /** A caller and the order they were first put in line, the last tie-break. */
    record Place(Waiting w, long seq) {
        Place inQueue(String queue) {
            return new Place(w.inQueue(queue), seq);
        }
    }

    /** Serving order, within a queue and across queues: priority, then wait, then arrival. */
    static final Comparator<Place> ORDER = Comparator
            .comparingInt((Place e) -> -e.w().priority())
            .thenComparing(e -> e.w().placeSince())
            .thenComparingLong(Place::seq);

    private final Map<String, TreeSet<Place>> lines = new LinkedHashMap<>();
    private final Map<String, Place> inLine = new HashMap<>();
    private final Map<String, Place> outOfLine = new HashMap<>();
    private final Map<String, String> offeredTo = new HashMap<>();
    private final Map<String, String> excluded = new HashMap<>();
    private final Map<String, Place> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Place> eldest) {
            return size() > RECENT;
        }
    };
    private long nextSeq;

    WaitingCalls(List<String> queues) {
        queues.forEach(q -> lines.put(q, new TreeSet<>(ORDER)));
    }

    /** Adds an empty line for a queue created by a configuration change; an existing line is kept. */
    void addQueue(String queue) {
        lines.putIfAbsent(queue, new TreeSet<>(ORDER));
    }

    /** Whether anybody waits in {@code queue}'s line. */
    boolean hasCallers(String queue) {
        TreeSet<Place> line = lines.get(queue);
        return line != null && !line.isEmpty();
    }

    /** Puts a caller in line as new data says, replacing whatever was known of the call. */
    void put(Waiting w) {
        forget(w.callId());
        insert(new Place(w, nextSeq++));
    }

    /**
     * Puts a known call (in line, out for an offer, or recently removed) in line in {@code queue}
     * with its old priority and place; an unknown call starts a new wait at {@code now}. A call
     * that comes back from an offer will skip that agent next time if another can take it.
     */
    Waiting requeue(String callId, String queue, Instant now) {
        Place old = inLine.get(callId);
        if (old == null) {
            old = outOfLine.get(callId);
        }
        if (old == null) {
            old = recent.get(callId);
        }
        String missedBy = offeredTo.get(callId);
        forget(callId);
        Place e = old == null ? new Place(new Waiting(callId, queue, 0, now), nextSeq++) : old.inQueue(queue);
        insert(e);
        if (missedBy != null) {
            excluded.put(callId, missedBy);
        }
        return e.w();
    }

    /** Takes a call out of line because it is being offered to {@code agentId}. */
    void takeForOffer(String callId, String agentId) {
        Place e = inLine.remove(callId);
        if (e == null) {
            return;
        }
        lines.get(e.w().queue()).remove(e);
        outOfLine.put(callId, e);
        offeredTo.put(callId, agentId);
        excluded.remove(callId);
    }

    /** Forgets a call (it ended); returns what was known of it. */
    Optional<Waiting> remove(String callId) {
        Place e = inLine.containsKey(callId) ? inLine.get(callId) : outOfLine.get(callId);
        forget(callId);
        if (e == null) {
            return Optional.empty();
        }
        recent.put(callId, e);
        return Optional.of(e.w());
    }

    /** Skip {@code agentId} at the call's next offer if another agent can take it. */
    void exclude(String callId, String agentId) {
        excluded.put(callId, agentId);
    }

    /** The agent the call's next offer should avoid, or null. */
    String excluded(String callId) {
        return excluded.get(callId);
    }

    /** The callers in {@code queue}'s line, first served first. */
    List<Place> line(String queue) {
        TreeSet<Place> line = lines.get(queue);
        return line == null ? List.of() : new ArrayList<>(line);
    }

    int size(String queue) {
        TreeSet<Place> line = lines.get(queue);
        return line == null ? 0 : line.size();
    }

    /** The earliest placeSince in the line, null when nobody waits. */
    Instant oldest(String queue) {
        TreeSet<Place> line = lines.get(queue);
        return line == null ? null : line.stream().map(e -> e.w().placeSince()).min(Comparator.naturalOrder()).orElse(null);
    }

    Optional<Waiting> inLine(String callId) {
        Place e = inLine.get(callId);
        return e == null ? Optional.empty() : Optional.of(e.w());
    }

    /** The call's entry whether in line or out for an offer. */
    Optional<Waiting> known(String callId) {
        Place e = inLine.containsKey(callId) ? inLine.get(callId) : outOfLine.get(callId);
        return e == null ? Optional.empty() : Optional.of(e.w());
    }

    /** 1-based place in its queue's line, 0 when the call is not in line. */
    int position(String callId) {
        Place e = inLine.get(callId);
        return e == null ? 0 : lines.get(e.w().queue()).headSet(e, true).size();
    }

    private void insert(Place e) {
        TreeSet<Place> line = lines.get(e.w().queue());
        if (line == null) {
            throw new IllegalArgumentException("no queue " + e.w().queue());
        }
        line.add(e);
        inLine.put(e.w().callId(), e);
    }

    private void forget(String callId) {
        Place e = inLine.remove(callId);
        if (e != null) {
            lines.get(e.w().queue()).remove(e);
        }
        outOfLine.remove(callId);
        offeredTo.remove(callId);
        excluded.remove(callId);
        recent.remove(callId);
    }
}
