package io.branchbox.firmware.stats;

import static io.branchbox.firmware.journal.CallEventTypes.AGENT_STATE;
import static io.branchbox.firmware.journal.CallEventTypes.REASON_CODE;
import static io.branchbox.firmware.journal.CallEventTypes.STATE;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows {@code agent.state} events and cuts each agent's time into {@link StatePeriod}s. An
 * agent first seen in an event has no period before it. Not thread-safe; its owner synchronizes.
 * Public for the period reports ({@code io.branchbox.firmware.kpi}).
 */
public final class AgentPeriods {
    /** An agent's state since {@code since}. */
    public record Current(String state, String reasonCode, String callId, Instant since) {}

    private final Map<String, Current> current = new HashMap<>();

    /** Takes one event; returns the period it ended, or null (not an agent event, or the agent's first). */
    public StatePeriod accept(JournalEvent e) {
        if (!AGENT_STATE.equals(e.type()) || e.agentId() == null || e.attr(STATE) == null) {
            return null;
        }
        String reason = e.attr(REASON_CODE) == null ? "" : e.attr(REASON_CODE);
        String callId = e.callId() == null || e.callId().isEmpty() ? null : e.callId();
        Current before = current.put(e.agentId(), new Current(e.attr(STATE), reason, callId, e.at()));
        if (before == null) {
            return null;
        }
        return new StatePeriod(e.agentId(), before.state(), before.reasonCode(), before.callId(), before.since(), e.at());
    }

    /** Every agent's current state. */
    public Map<String, Current> current() {
        return Collections.unmodifiableMap(current);
    }

    /**
     * Ends every agent's period at {@code at} and forgets their states: the box restarted, and
     * whatever the agents did while it was off is not known. Returns the periods ended.
     */
    public List<StatePeriod> endAll(Instant at) {
        List<StatePeriod> out = openUntil(at);
        current.clear();
        return out;
    }

    /** The periods still running, as if they ended at {@code now}. */
    public List<StatePeriod> openUntil(Instant now) {
        List<StatePeriod> out = new ArrayList<>();
        current.forEach((agent, c) -> out.add(new StatePeriod(agent, c.state(), c.reasonCode(), c.callId(), c.since(),
                now.isBefore(c.since()) ? c.since() : now)));
        return out;
    }
}
