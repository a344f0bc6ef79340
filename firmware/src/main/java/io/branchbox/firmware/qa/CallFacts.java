package io.branchbox.firmware.qa;

import java.time.Instant;
import java.util.Objects;

/**
 * What QA needs to know of one agent-answered call (from the call records and the recording
 * catalogue): who, which queue, how it was classified, how long, and whether its recording is
 * still there to be listened to.
 *
 * @param callId     the call
 * @param agentId    the agent who answered it
 * @param queue      its queue, "" if none
 * @param wrapUpCode the agent's wrap-up code, "" if none
 * @param answeredAt when the agent answered
 * @param talkMs     from answer to end
 * @param holdMs     time on hold (from the journal)
 * @param recorded   a live (not deleted) recording exists
 */
public record CallFacts(String callId, String agentId, String queue, String wrapUpCode, Instant answeredAt,
        long talkMs, long holdMs, boolean recorded) {

    /** The complaint queue and wrap-up code of the factory configuration. */
    public static final String COMPLAINT = "complaint";

    public CallFacts {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(answeredAt, "answeredAt");
        queue = queue == null ? "" : queue;
        wrapUpCode = wrapUpCode == null ? "" : wrapUpCode;
    }

    /** A complaint: in the complaint queue or wrapped up as one. */
    public boolean complaint() {
        return COMPLAINT.equals(queue) || COMPLAINT.equals(wrapUpCode);
    }
}
