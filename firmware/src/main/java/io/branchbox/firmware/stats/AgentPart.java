package io.branchbox.firmware.stats;

import java.time.Duration;
import java.time.Instant;

/**
 * One agent's part of a call: from {@code call.connected} for that agent to the end of their part
 * (they transferred the call, their state left ON_CALL, or the call ended, whichever came first).
 * Holds inside the part are counted in it.
 *
 * @param inbound whether the call came in from a trunk (outbound and internal calls are not queue work)
 */
public record AgentPart(String callId, String agentId, String queue, boolean inbound, Instant connectedAt,
        Instant endedAt, int holds, long holdMs) {

    /** Talk plus hold: the handle time of this part. */
    public long handleMs() {
        return Math.max(0, Duration.between(connectedAt, endedAt).toMillis());
    }

    /** Talking, hold excluded. */
    public long talkMs() {
        return Math.max(0, handleMs() - holdMs);
    }
}
