package io.branchbox.firmware.kpi;

import static io.branchbox.firmware.journal.CallEventTypes.*;

import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Journal events as call control writes them, for tests of the KPI fold; a clock that moves forward. */
final class EventScript {
    final List<JournalEvent> events = new ArrayList<>();
    Instant now;
    private long seq;

    EventScript(Instant start) {
        now = start;
    }

    EventScript at(Instant t) {
        now = t;
        return this;
    }

    EventScript pass(double seconds) {
        now = now.plusMillis(Math.round(seconds * 1000));
        return this;
    }

    EventScript e(String type, String callId, String agent, String queue, String... kv) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            attrs.put(kv[i], kv[i + 1]);
        }
        events.add(new JournalEvent(++seq, now, type, callId, agent, queue, attrs));
        return this;
    }

    EventScript agent(String agent, String state, String reasonCode) {
        return e(AGENT_STATE, null, agent, null, STATE, state, REASON_CODE, reasonCode);
    }

    EventScript started(String call) {
        return e(CALL_STARTED, call, null, null, DIRECTION, "IN", TRUNK, "span0/ts1", CALLING, "13800000000", CALLED, "95598");
    }

    EventScript queued(String call, String queue) {
        return e(CALL_QUEUED, call, null, queue, PRIORITY, "0");
    }

    EventScript offered(String call, String agent, String queue) {
        e(CALL_OFFERED, call, agent, queue, SEAT, "1");
        return agent(agent, "OFFERED", "");
    }

    EventScript connected(String call, String agent, String queue) {
        e(CALL_CONNECTED, call, agent, queue, SEAT, "1");
        return agent(agent, "ON_CALL", "");
    }

    EventScript ended(String call, String disposition) {
        return e(CALL_ENDED, call, null, null, DISPOSITION, disposition, CAUSE, "16");
    }

    void feed(java.util.function.Consumer<JournalEvent> sink) {
        events.forEach(sink);
    }
}
