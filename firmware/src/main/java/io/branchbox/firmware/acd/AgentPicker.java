package io.branchbox.firmware.acd;

import io.branchbox.firmware.config.BoxConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which ready agent a waiting call of a queue goes to: skills and their widening over time, then
 * the queue's strategy.
 *
 * <p>The order, for one call:
 * <ol>
 *   <li>Eligible: READY, lists the queue, and for a queue with a skill has that skill at no less
 *       than {@link #requiredLevel} (5 at first, one lower every {@code widenEveryS} seconds of the
 *       caller's wait, down to 1; {@code widenEveryS} 0 means any level at once).
 *   <li>The agent the call should avoid (who just missed it) is dropped if anybody else is left.
 *   <li>For a queue with a skill, only the agents with the highest level among those remain: an
 *       expert is always preferred to a novice, whatever the strategy says.
 *   <li>The strategy picks among them: {@code LONGEST_IDLE} the earliest {@link Agent#idleSince};
 *       {@code FEWEST_CALLS} the fewest {@link Agent#callsHandled}, then the longest idle;
 *       {@code ROUND_ROBIN} the next agent in registration order after the one this queue last
 *       picked, wrapping round. Remaining ties go to the earlier registered agent.
 * </ol>
 *
 * <p>{@link #pick} has no side effects; the ACD calls {@link #picked} for the agent it actually
 * offers to, so round robin only advances on real offers. Not thread-safe: owned by {@link Acd}.
 */
final class AgentPicker {
    /** The highest skill level, where every skilled queue starts. */
    static final int TOP_LEVEL = 5;

    private final Map<String, String> lastPicked = new HashMap<>();

    /**
     * The minimum skill level a call of {@code q} that has waited since {@code placeSince} needs
     * at {@code now}: 0 for a queue without a skill (anybody who lists it), else 5..1.
     */
    static int requiredLevel(BoxConfig.Queue q, Instant placeSince, Instant now) {
        if (q.skill().isEmpty()) {
            return 0;
        }
        if (q.widenEveryS() <= 0) {
            return 1;
        }
        long waited = Math.max(0, Duration.between(placeSince, now).toSeconds());
        long steps = Math.min(TOP_LEVEL - 1, waited / q.widenEveryS());
        return TOP_LEVEL - (int) steps;
    }

    /** Whether {@code a} takes calls of {@code q} at all (any state, any skill level). */
    static boolean serves(Agent a, BoxConfig.Queue q) {
        return a.queues().contains(q.name()) && (q.skill().isEmpty() || a.level(q.skill()) > 0);
    }

    /**
     * The agent for a call of {@code q}, from {@code agents} in registration order.
     *
     * @param minLevel from {@link #requiredLevel}
     * @param avoidId the agent to skip if another is eligible, or null
     */
    Optional<Agent> pick(BoxConfig.Queue q, List<Agent> agents, int minLevel, String avoidId) {
        List<Agent> eligible = agents.stream()
                .filter(a -> a.state() == AgentState.READY && serves(a, q) && level(a, q) >= minLevel)
                .toList();
        if (avoidId != null && eligible.stream().anyMatch(a -> !a.id().equals(avoidId))) {
            eligible = eligible.stream().filter(a -> !a.id().equals(avoidId)).toList();
        }
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        int best = eligible.stream().mapToInt(a -> level(a, q)).max().orElse(0);
        List<Agent> top = eligible.stream().filter(a -> level(a, q) == best).toList();
        return Optional.of(switch (q.strategy()) {
            case LONGEST_IDLE -> top.stream().min(Comparator.comparing(Agent::idleSince)).orElseThrow();
            case FEWEST_CALLS -> top.stream().min(Comparator.comparingInt(Agent::callsHandled)
                    .thenComparing(Agent::idleSince)).orElseThrow();
            case ROUND_ROBIN -> nextAfter(lastPicked.get(q.name()), agents, top);
        });
    }

    /** Records that {@code a} was offered a call of {@code q}: round robin moves past them. */
    void picked(BoxConfig.Queue q, Agent a) {
        lastPicked.put(q.name(), a.id());
    }

    private static Agent nextAfter(String lastId, List<Agent> all, List<Agent> candidates) {
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(lastId)) {
                last = i;
            }
        }
        for (Agent a : candidates) {
            if (all.indexOf(a) > last) {
                return a;
            }
        }
        return candidates.get(0);
    }

    private static int level(Agent a, BoxConfig.Queue q) {
        return q.skill().isEmpty() ? 0 : a.level(q.skill());
    }
}
