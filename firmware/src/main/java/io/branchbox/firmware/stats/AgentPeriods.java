package io.branchbox.firmware.stats;

import static io.branchbox.firmware.store.CallEventTypes.AGENT_STATE;
import static io.branchbox.firmware.store.CallEventTypes.REASON_CODE;
import static io.branchbox.firmware.store.CallEventTypes.STATE;

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
 */
final class AgentPeriods {
    /** An agent's state since {@code since}. */
    record Current(String state, String reasonCode, String callId, Instant since) {}

    private final Map<String, Current> current = new HashMap<>();

    /** Takes one event; returns the period it ended, or null (not an agent event, or the agent's first). */
    StatePeriod accept(JournalEvent e) {
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
    Map<String, Current> current() {
        return Collections.unmodifiableMap(current);
    }

    /** The periods still running, as if they ended at {@code now}. */
    List<StatePeriod> openUntil(Instant now) {
        List<StatePeriod> out = new ArrayList<>();
        current.forEach((agent, c) -> out.add(new StatePeriod(agent, c.state(), c.reasonCode(), c.callId(), c.since(),
                now.isBefore(c.since()) ? c.since() : now)));
        return out;
    }
}
