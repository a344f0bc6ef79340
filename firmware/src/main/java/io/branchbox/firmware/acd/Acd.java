package io.branchbox.firmware.acd;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Automatic call distribution: waiting calls per queue, agents by state, and the decision which
 * agent gets which call.
 *
 * <p>The ACD only decides; the caller of {@link #dispatch} gets each match through the
 * {@code offer} callback and carries it out (ringing the seat, journaling). Waiting calls keep
 * their place: a call whose offer was not answered goes back to the head of its queue.
 *
 * <p>Not thread-safe: owned by the signalling thread.
 */
public final class Acd {
    private final Map<String, BoxConfig.Queue> queueConfig = new LinkedHashMap<>();
    private final Map<String, Deque<String>> waiting = new LinkedHashMap<>();
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Clock clock;
    private int roundRobin;

    public Acd(List<BoxConfig.Queue> queues, Clock clock) {
        this.clock = clock;
        for (BoxConfig.Queue q : queues) {
            queueConfig.put(q.name(), q);
            waiting.put(q.name(), new ArrayDeque<>());
        }
    }

    public void addAgent(Agent a) {
        agents.put(a.id(), a);
    }

    public Optional<Agent> agent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    public Optional<Agent> agentAtSeat(int seat) {
        return agents.values().stream().filter(a -> a.seat() == seat && a.state() != AgentState.LOGGED_OUT).findFirst();
    }

    public List<Agent> agents() {
        return List.copyOf(agents.values());
    }

    public BoxConfig.Queue queue(String name) {
        BoxConfig.Queue q = queueConfig.get(name);
        if (q == null) {
            throw new IllegalArgumentException("no queue " + name);
        }
        return q;
    }

    /** Queue names in configuration order. */
    public List<String> queueNames() {
        return List.copyOf(queueConfig.keySet());
    }

    /** Calls waiting in {@code queue}, first in line first. */
    public List<String> waiting(String queue) {
        return List.copyOf(waiting.get(queue));
    }

    public void enqueue(String callId, String queue) {
        waiting.get(queue(queue).name()).addLast(callId);
    }

    /** Puts a call whose offer failed back at the head of its queue: it keeps its place. */
    public void requeueFirst(String callId, String queue) {
        waiting.get(queue(queue).name()).addFirst(callId);
    }

    /** Removes a call from whatever queue it waits in (caller hung up). */
    public void remove(String callId) {
        waiting.values().forEach(d -> d.remove(callId));
    }

    public void setState(Agent a, AgentState s) {
        a.setState(s, clock.instant());
    }

    /**
     * Matches waiting calls to ready agents, queue by queue in configuration order, and hands each
     * match to {@code offer} (call id, agent). The agent is marked OFFERED before the callback.
     */
    public void dispatch(BiConsumer<String, Agent> offer) {
        for (Map.Entry<String, Deque<String>> e : waiting.entrySet()) {
            Deque<String> calls = e.getValue();
            while (!calls.isEmpty()) {
                Optional<Agent> pick = pick(queueConfig.get(e.getKey()));
                if (pick.isEmpty()) {
                    break;
                }
                String callId = calls.pollFirst();
                Agent a = pick.get();
                a.setState(AgentState.OFFERED, clock.instant());
                a.setCallId(callId);
                offer.accept(callId, a);
            }
        }
    }

    private Optional<Agent> pick(BoxConfig.Queue q) {
        List<Agent> ready = agents.values().stream()
                .filter(a -> a.state() == AgentState.READY && a.queues().contains(q.name()))
                .toList();
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        return switch (q.strategy()) {
            case LONGEST_IDLE -> ready.stream().min(Comparator.comparing(Agent::idleSince));
            case FEWEST_CALLS -> ready.stream().min(Comparator.comparingInt(Agent::callsHandled)
                    .thenComparing(Agent::idleSince));
            case ROUND_ROBIN -> Optional.of(ready.get(Math.floorMod(roundRobin++, ready.size())));
        };
    }

    /**
     * Rings {@code a} for {@code callId} outside the queues (a transfer or consultation to this
     * agent, an internal call): the agent is marked OFFERED and bound to the call.
     */
    public void offerDirect(Agent a, String callId) {
        a.setState(AgentState.OFFERED, clock.instant());
        a.setCallId(callId);
    }

    /** Binds {@code a} to a call they place themselves (click to dial, internal call), on call at once. */
    public void bindOriginator(Agent a, String callId) {
        a.setState(AgentState.ON_CALL, clock.instant());
        a.setCallId(callId);
    }

    /** Clears the agent's call binding (the call ended or the offer was withdrawn). */
    public void release(Agent a) {
        a.setCallId(null);
    }
}
