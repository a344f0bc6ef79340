package io.branchbox.firmware.acd;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One agent, the seat they sit at, the queues they serve and their skill levels.
 *
 * <p>State changes go through {@link Acd} (which stamps them with its clock); this class only
 * holds them. Not thread-safe: owned by the signalling thread, like everything in call control.
 */
public final class Agent {
    private final String id;
    private String name;
    private List<String> queues;
    private Map<String, Integer> skills;
    private int seat;
    private AgentState state = AgentState.LOGGED_OUT;
    private String reasonCode = "";
    private Instant since;
    private Instant idleSince;
    private int callsHandled;
    private int missedOffers;
    private String callId;

    /** An agent without skills: takes every call of their queues that has no skill requirement. */
    public Agent(String id, String name, int seat, List<String> queues, Instant now) {
        this(id, name, seat, queues, Map.of(), now);
    }

    /**
     * @param skills skill name to level 1 (novice) .. 5 (expert); {@link #level} reads a level
     *     above 5 as 5 and one below 1 as not having the skill
     */
    public Agent(String id, String name, int seat, List<String> queues, Map<String, Integer> skills, Instant now) {
        this.id = id;
        this.name = name;
        this.seat = seat;
        this.queues = List.copyOf(queues);
        this.skills = Map.copyOf(skills);
        this.since = now;
        this.idleSince = now;
    }

    /** The agent as the configuration document describes them, logged out. */
    public static Agent from(BoxConfig.Agent a, Instant now) {
        return new Agent(a.id(), a.name(), a.seat(), a.queues(), a.skills(), now);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Seat number 1..16 (headset port seat-1), 0 when the agent has none. */
    public int seat() {
        return seat;
    }

    public List<String> queues() {
        return queues;
    }

    /** Skill name to level 1..5, as configured. */
    public Map<String, Integer> skills() {
        return skills;
    }

    /** The agent's level in {@code skill}, 1..5, or 0 when they do not have it. */
    public int level(String skill) {
        Integer l = skills.get(skill);
        return l == null || l < 1 ? 0 : Math.min(5, l);
    }

    public AgentState state() {
        return state;
    }

    /**
     * Why the agent is not ready (one of the console's not-ready reasons, or a system reason such
     * as {@link Acd#REASON_LOGIN}); "" in every other state.
     */
    public String reasonCode() {
        return reasonCode;
    }

    public Instant since() {
        return since;
    }

    /** When the agent last became free for a call: the longest-idle strategy orders by this. */
    public Instant idleSince() {
        return idleSince;
    }

    public int callsHandled() {
        return callsHandled;
    }

    /** Offers missed in a row since the agent last answered one. */
    public int missedOffers() {
        return missedOffers;
    }

    /** The call offered to or handled by the agent, or null. */
    public String callId() {
        return callId;
    }

    void setState(AgentState s, String reason, Instant now) {
        if (s == AgentState.READY && state != AgentState.READY) {
            idleSince = now;
        }
        if (s == AgentState.ON_CALL && state != AgentState.ON_CALL) {
            callsHandled++;
        }
        state = s;
        reasonCode = s == AgentState.NOT_READY ? reason : "";
        since = now;
    }

    /**
     * Takes the name, queues and skills of a changed configuration, keeping state, seat and
     * history: an agent on a call stays on it and serves the new queues from the next offer.
     */
    void reprofile(BoxConfig.Agent a) {
        this.name = a.name();
        this.queues = List.copyOf(a.queues());
        this.skills = Map.copyOf(a.skills());
    }

    void setSeat(int seat) {
        this.seat = seat;
    }

    void setCallId(String callId) {
        this.callId = callId;
    }

    int missOffer() {
        return ++missedOffers;
    }

    void answeredOffer() {
        missedOffers = 0;
    }
}
