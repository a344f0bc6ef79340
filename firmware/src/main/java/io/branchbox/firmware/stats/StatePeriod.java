package io.branchbox.firmware.stats;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time an agent spent in one state, from one {@code agent.state} event to the next.
 *
 * @param state      the {@code io.branchbox.firmware.acd.AgentState} name
 * @param reasonCode the not-ready reason code ("" when none was given)
 * @param callId     the call the agent was busy with, null if none
 */
public record StatePeriod(String agentId, String state, String reasonCode, String callId, Instant from, Instant to) {

    public long durationMs() {
        return Math.max(0, Duration.between(from, to).toMillis());
    }

    /** This period cut to start no earlier than {@code start}; zero length when it ended before. */
    public StatePeriod clippedFrom(Instant start) {
        if (!from.isBefore(start)) {
            return this;
        }
        return new StatePeriod(agentId, state, reasonCode, callId, start, to.isBefore(start) ? start : to);
    }
}
