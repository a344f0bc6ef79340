package io.branchbox.firmware.acd;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * {@code offer} callback and carries it out (ringing the seat, journaling). Callers keep their
 * place: each call's {@link Waiting} entry (priority and the time its wait began) is kept from
 * {@link #enqueue} to {@link #remove}, through offers, a missed offer ({@link #requeueFirst}),
 * overflow and transfer to another queue.
 *
 * <p>Dispatch is fair across queues: each round, every queue proposes its first caller that some
 * ready agent may take (a caller nobody may take yet, such as a skilled call before widening,
 * does not hold up the callers behind them), and the proposal served first by priority, then by
 * wait, then by arrival, across all queues, gets its agent. Which agent is described in
 * {@link AgentPicker}. Rounds repeat until no ready agent fits any waiting caller.
 *
 * <p>Not thread-safe: owned by the signalling thread. All times come from the injected clock.
 */
public final class Acd {
    /** The reason code of an agent who has just logged in. */
    public static final String REASON_LOGIN = "login";

    private final Map<String, BoxConfig.Queue> queueConfig = new LinkedHashMap<>();
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Clock clock;
    private final WaitingCalls calls;
    private final AgentPicker picker = new AgentPicker();
    private final HandleTimes handleTimes = new HandleTimes();

    public Acd(List<BoxConfig.Queue> queues, Clock clock) {
        this.clock = clock;
        for (BoxConfig.Queue q : queues) {
            queueConfig.put(q.name(), q);
        }
        this.calls = new WaitingCalls(List.copyOf(queueConfig.keySet()));
    }

    /**
     * Applies changed queues and agents live (signalling thread). Queues take their new settings
     * at once; a new queue gets an empty line; a removed queue keeps serving the callers already
     * in it and takes no new ones (its name stays known until the next start). Known agents take
     * their new name, queues and skills without losing their state or call; new agents are
     * registered logged out (returned, so call control can log in those with a seat); removed
     * agents who are logged out are forgotten, the others are returned to be logged out when free.
     */
    public Reconfigured reconfigure(List<BoxConfig.Queue> queues, List<BoxConfig.Agent> configured) {
        Map<String, BoxConfig.Queue> next = new LinkedHashMap<>();
        for (BoxConfig.Queue q : queues) {
            next.put(q.name(), q);
            calls.addQueue(q.name());
        }
        queueConfig.forEach((name, old) -> {
            if (!next.containsKey(name) && calls.hasCallers(name)) {
                next.put(name, old);
            }
        });
        queueConfig.clear();
        queueConfig.putAll(next);
        List<Agent> added = new java.util.ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (BoxConfig.Agent a : configured) {
            ids.add(a.id());
            Agent known = agents.get(a.id());
            if (known == null) {
                Agent fresh = Agent.from(a, clock.instant());
                agents.put(a.id(), fresh);
                added.add(fresh);
            } else {
                known.reprofile(a);
                if (known.state() == AgentState.LOGGED_OUT) {
                    known.setSeat(a.seat());
                }
            }
        }
        List<Agent> removed = new java.util.ArrayList<>();
        for (Agent a : List.copyOf(agents.values())) {
            if (!ids.contains(a.id())) {
                if (a.state() == AgentState.LOGGED_OUT) {
                    agents.remove(a.id());
                } else {
                    removed.add(a);
                }
            }
        }
        return new Reconfigured(List.copyOf(added), List.copyOf(removed));
    }

    /** What {@link #reconfigure} did to the agents: who is new, who is gone but still logged in. */
    public record Reconfigured(List<Agent> added, List<Agent> removed) {}

    /** Registers an agent (replacing one with the same id) without changing their state. */
    public void addAgent(Agent a) {
        agents.put(a.id(), a);
    }

    public Optional<Agent> agent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    public Optional<Agent> agentAtSeat(int seat) {
        return agents.values().stream().filter(a -> a.seat() == seat && a.state() != AgentState.LOGGED_OUT).findFirst();
    }

    /** Every registered agent, in registration order (round robin's order), logged in or not. */
    public List<Agent> agents() {
        return List.copyOf(agents.values());
    }

    /**
     * Agents who take calls of {@code queue} in any state: they list it and, if it needs a skill,
     * have that skill at some level.
     */
    public List<Agent> agentsOf(String queue) {
        BoxConfig.Queue q = queue(queue);
        return agents.values().stream().filter(a -> AgentPicker.serves(a, q)).toList();
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

    /** Call ids waiting in {@code queue}, first served first. */
    public List<String> waiting(String queue) {
        return line(queue).stream().map(Waiting::callId).toList();
    }

    /** The callers waiting in {@code queue}, first served first. */
    public List<Waiting> line(String queue) {
        return calls.line(queue(queue).name()).stream().map(WaitingCalls.Place::w).toList();
    }

    /** What the ACD knows of a call, in line or out for an offer; empty once removed. */
    public Optional<Waiting> entry(String callId) {
        return calls.known(callId);
    }

    /** A new caller, priority 0, waiting from now. */
    public Waiting enqueue(String callId, String queue) {
        return enqueue(callId, queue, 0, clock.instant());
    }

    /**
     * Puts a caller in line, replacing whatever the ACD knew of the call: use it for a new caller,
     * a callback dialled back ({@code placeSince} from the booking) or a transfer that sets its own
     * terms. {@code priority} 0..9 (higher first), else IllegalArgumentException.
     */
    public Waiting enqueue(String callId, String queue, int priority, Instant placeSince) {
        Waiting w = new Waiting(callId, queue(queue).name(), priority, placeSince);
        calls.put(w);
        return w;
    }

    /**
     * Puts a known call back in line in {@code queue} with its old priority and place: after a
     * missed offer (its next offer then avoids that agent if another can take it), after overflow
     * or a transfer to another queue. A call removed shortly before is still known (the last 64
     * removed are remembered, so remove-then-requeue keeps the place). An unknown call starts a
     * new wait now, priority 0. The name is historical: the call goes back to its place, which is ahead of
     * everybody who came later at the same priority.
     */
    public Waiting requeueFirst(String callId, String queue) {
        return calls.requeue(callId, queue(queue).name(), clock.instant());
    }

    /** Forgets a call, in line or out for an offer (caller hung up, call ended); returns its entry. */
    public Optional<Waiting> remove(String callId) {
        return calls.remove(callId);
    }

    /** Whether {@code queue} has {@code maxLength} callers in line already (maxLength 0: never). */
    public boolean isFull(String queue) {
        BoxConfig.Queue q = queue(queue);
        return q.maxLength() > 0 && calls.size(q.name()) >= q.maxLength();
    }

    /** The call's 1-based place in its queue's line; 0 when it is not in line (ringing, ended). */
    public int position(String callId) {
        return calls.position(callId);
    }

    /**
     * The wait a caller may expect: position x the queue's average handle time / the number of
     * logged-in agents serving the queue (ready, busy or not ready; at least 1). Rough on purpose:
     * it is for an announcement, rounded by the caller. Zero when the call is not in line.
     */
    public Duration expectedWait(String callId) {
        Optional<Waiting> w = calls.inLine(callId);
        if (w.isEmpty()) {
            return Duration.ZERO;
        }
        String queue = w.get().queue();
        long agentsIn = agentsOf(queue).stream().filter(a -> a.state() != AgentState.LOGGED_OUT).count();
        return averageHandleTime(queue).multipliedBy(position(callId)).dividedBy(Math.max(1, agentsIn));
    }

    /** A call of {@code queue} ended after {@code handled} talk and wrap-up: feeds the average. */
    public void recordHandleTime(String queue, Duration handled) {
        handleTimes.record(queue(queue).name(), handled);
    }

    /** See {@link HandleTimes}: 180 s before any call, then an exponentially weighted mean. */
    public Duration averageHandleTime(String queue) {
        return handleTimes.average(queue(queue).name());
    }

    /** Sets any state; NOT_READY this way has reason code "" (use {@link #setNotReady} for one). */
    public void setState(Agent a, AgentState s) {
        a.setState(s, "", clock.instant());
    }

    /** The agent goes busy (示忙) for {@code reasonCode}, kept until their next state change. */
    public void setNotReady(Agent a, String reasonCode) {
        a.setState(AgentState.NOT_READY, reasonCode == null ? "" : reasonCode, clock.instant());
    }

    /** Logs an agent in at their configured seat; see {@link #login(Agent, int)}. */
    public void login(Agent a) {
        login(a, a.seat());
    }

    /**
     * Logs an agent in at {@code seat} (0: none), not ready with {@link #REASON_LOGIN}, their
     * missed-offer count cleared. IllegalStateException if the agent is already logged in or the
     * seat is taken by another logged-in agent.
     */
    public void login(Agent a, int seat) {
        Agent known = agents.get(a.id());
        if (known != null && known.state() != AgentState.LOGGED_OUT) {
            throw new IllegalStateException("agent " + a.id() + " is already logged in");
        }
        Optional<Agent> sitting = seat == 0 ? Optional.empty() : agentAtSeat(seat);
        if (sitting.isPresent()) {
            throw new IllegalStateException("seat " + seat + " is taken by agent " + sitting.get().id());
        }
        a.setSeat(seat);
        a.answeredOffer();
        addAgent(a);
        setNotReady(a, REASON_LOGIN);
    }

    /** Logs an agent out; refused (false) while they are offered a call, on one or wrapping up. */
    public boolean logout(Agent a) {
        if (a.state().busyWithCall()) {
            return false;
        }
        setState(a, AgentState.LOGGED_OUT);
        return true;
    }

    /**
     * The agent let an offer ring out: returns their misses in a row, so call control can set them
     * not ready at {@code console.missedOffersToNotReady}.
     */
    public int recordMissedOffer(Agent a) {
        return a.missOffer();
    }

    /** The agent answered an offer: their run of missed offers ends. */
    public void recordAnswered(Agent a) {
        a.answeredOffer();
    }

    /** The call's next offer skips {@code agentId} if any other agent may take it. */
    public void excludeOnce(String callId, String agentId) {
        calls.exclude(callId, agentId);
    }

    /**
     * Matches waiting calls to ready agents (see the class comment for the order) and hands each
     * match to {@code offer} (call id, agent). Before the callback the agent is OFFERED and bound
     * to the call, and the call is out of line (still known, for {@link #requeueFirst}).
     */
    public void dispatch(BiConsumer<String, Agent> offer) {
        Instant now = clock.instant();
        while (true) {
            Match best = null;
            for (BoxConfig.Queue q : queueConfig.values()) {
                Match m = firstMatch(q, now);
                if (m != null && (best == null || WaitingCalls.ORDER.compare(m.entry(), best.entry()) < 0)) {
                    best = m;
                }
            }
            if (best == null) {
                return;
            }
            String callId = best.entry().w().callId();
            calls.takeForOffer(callId, best.agent().id());
            picker.picked(best.queue(), best.agent());
            best.agent().setState(AgentState.OFFERED, "", now);
            best.agent().setCallId(callId);
            offer.accept(callId, best.agent());
        }
    }

    /**
     * Rings {@code a} for {@code callId} outside the queues (a transfer or consultation to this
     * agent, an internal call): the agent is marked OFFERED and bound to the call.
     */
    public void offerDirect(Agent a, String callId) {
        a.setState(AgentState.OFFERED, "", clock.instant());
        a.setCallId(callId);
    }

    /** Binds {@code a} to a call they place themselves (click to dial, internal call), on call at once. */
    public void bindOriginator(Agent a, String callId) {
        a.setState(AgentState.ON_CALL, "", clock.instant());
        a.setCallId(callId);
    }

    /** Clears the agent's call binding (the call ended or the offer was withdrawn). */
    public void release(Agent a) {
        a.setCallId(null);
    }

    /** Every queue as a live view shows it, in configuration order. */
    public List<QueueSnapshot> snapshot() {
        return queueConfig.keySet().stream()
                .map(q -> QueueSnapshot.of(q, calls.size(q), calls.oldest(q), agentsOf(q)))
                .toList();
    }

    private record Match(BoxConfig.Queue queue, WaitingCalls.Place entry, Agent agent) {}

    /** The first caller in {@code q}'s line that a ready agent may take, with that agent. */
    private Match firstMatch(BoxConfig.Queue q, Instant now) {
        List<Agent> all = List.copyOf(agents.values());
        if (all.stream().noneMatch(a -> a.state() == AgentState.READY && AgentPicker.serves(a, q))) {
            return null;
        }
        for (WaitingCalls.Place e : calls.line(q.name())) {
            int level = AgentPicker.requiredLevel(q, e.w().placeSince(), now);
            Optional<Agent> a = picker.pick(q, all, level, calls.excluded(e.w().callId()));
            if (a.isPresent()) {
                return new Match(q, e, a.get());
            }
        }
        return null;
    }
}
