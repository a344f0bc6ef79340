package io.branchbox.firmware.stats;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents.AgentStateChanged;
import io.branchbox.firmware.journal.Decoded;
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
    /** An agent's state (an {@code AgentStatus} name) since {@code since}. */
    public record Current(String state, String reasonCode, String callId, Instant since) {}

    private final Map<String, Current> current = new HashMap<>();

    /** Takes one event; returns the period it ended, or null (not an agent event, or the agent's first). */
    public StatePeriod accept(JournalEvent e) {
        return accept(CallEventCodec.decode(e), e.at());
    }

    /** Takes one event decoded already, journalled at {@code at}; as {@link #accept(JournalEvent)}. */
    public StatePeriod accept(Decoded d, Instant at) {
        if (!(d instanceof AgentStateChanged e)) {
            return null;
        }
        String reason = e.reasonCode() == null ? "" : e.reasonCode();
        Current before = current.put(e.agentId(), new Current(e.state().name(), reason, e.callId(), at));
        if (before == null) {
            return null;
        }
        return new StatePeriod(e.agentId(), before.state(), before.reasonCode(), before.callId(), before.since(), at);
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
