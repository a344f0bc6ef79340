package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import java.time.Instant;
import java.util.List;

/** Calls in a given state for the policies' own tests, moved there through the transition table. */
final class PolicyCalls {
    private PolicyCalls() {}

    /** An inbound call from {@code calling} to 95598, just answered: in the IVR. */
    static Call answered(String id, Call.Direction direction, String calling, Instant now) {
        Call call = new Call(id, direction, new TestCaller(calling), "inquiry", now);
        call.on(CallEvent.TRUNK_ANSWERED, now);
        return call;
    }

    /** A call of "inquiry" that {@code agent} (null: nobody in particular) answered: in conversation. */
    static Call talking(String id, Agent agent, Instant now) {
        Call call = answered(id, Call.Direction.IN, "13800000001", now);
        call.on(CallEvent.QUEUE_JOINED, now);
        if (agent != null) {
            call.near(AgentLeg.offered(agent));
        }
        call.on(CallEvent.AGENT_MATCHED, now);
        call.on(CallEvent.SEAT_OPENED, now);
        return call;
    }

    /** What a fake port's "hang up and end" does: writes it down, then ends the call as call control would. */
    static void hangUpAndEnd(List<String> asked, Call call, String why, Instant now) {
        asked.add("end: " + why);
        call.on(CallEvent.END, now);
    }
}
