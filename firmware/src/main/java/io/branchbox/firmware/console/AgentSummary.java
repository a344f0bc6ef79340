package io.branchbox.firmware.console;

import java.time.Instant;

/** An agent as colleagues and supervisors see them; {@code callId} is "" when none. */
public record AgentSummary(String agentId, String name, int seat, String state, String reasonCode, Instant since,
        String callId) {}
