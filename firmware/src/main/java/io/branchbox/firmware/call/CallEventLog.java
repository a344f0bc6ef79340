package io.branchbox.firmware.call;

import static io.branchbox.firmware.store.CallEventTypes.*;

import io.branchbox.firmware.acd.Agent;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns call-control steps into journal events, one method per step, so that the event names and
 * their attributes are defined in one place (the call-record projection and the statistics read
 * exactly these).
 *
 * <p>Not thread-safe: used on the signalling thread.
 */
final class CallEventLog {
    private static final Logger log = LoggerFactory.getLogger(CallEventLog.class);
    private final CallControlPorts.Events out;

    CallEventLog(CallControlPorts.Events out) {
        this.out = out;
    }

    void started(Call c) {
        out.append(CALL_STARTED, c.id(), null, c.queue(), attrs(
                DIRECTION, "IN",
                TRUNK, c.trunk().trunk(),
                CALLING, c.trunk().callingNumber(),
                CALLED, c.trunk().calledNumber()));
    }

    void answered(Call c) {
        out.append(CALL_ANSWERED, c.id(), null, c.queue(), Map.of());
    }

    void queued(Call c) {
        out.append(CALL_QUEUED, c.id(), null, c.queue(), Map.of());
    }

    void overflowed(Call c, String from) {
        out.append(CALL_OVERFLOW, c.id(), null, c.queue(), attrs(FROM, from));
    }

    void offered(Call c, Agent a) {
        out.append(CALL_OFFERED, c.id(), a.id(), c.queue(), attrs(SEAT, String.valueOf(a.seat())));
    }

    void offerMissed(Call c, Agent a) {
        out.append(CALL_OFFER_MISSED, c.id(), a.id(), c.queue(), attrs(SEAT, String.valueOf(a.seat())));
    }

    void connected(Call c, Agent a) {
        out.append(CALL_CONNECTED, c.id(), a.id(), c.queue(), attrs(SEAT, String.valueOf(a.seat())));
    }

    void ended(Call c, Call.State was, int cause, String why) {
        String disposition = switch (was) {
            case CONNECTED, SURVEY -> "ANSWERED";
            case ANSWERING -> "FAILED";
            default -> "ABANDONED";
        };
        out.append(CALL_ENDED, c.id(), c.agent() == null ? null : c.agent().id(), c.queue(), attrs(
                DISPOSITION, disposition,
                CAUSE, String.valueOf(cause),
                REASON, why,
                DURATION_MS, String.valueOf(Duration.between(c.startedAt(), c.stateSince()).toMillis())));
        log.info("call {} ended ({}) after {}: {}", c.id(), disposition, Duration.between(c.startedAt(), c.stateSince()), why);
    }

    void recorded(Call c, CallControlPorts.Result r, Throwable err) {
        if (err != null) {
            log.error("call {}: recording could not be finished", c.id(), err);
            out.append(RECORDING_FAILED, c.id(), null, c.queue(), attrs(ERROR, String.valueOf(err.getMessage())));
            return;
        }
        out.append(RECORDING_FINISHED, c.id(), null, c.queue(), attrs(
                FILE, r.file(),
                DURATION_MS, String.valueOf(r.durationMs()),
                SHA256, r.sha256()));
    }

    void survey(Call c, Agent a, char rating) {
        out.append(CALL_SURVEY, c.id(), a == null ? null : a.id(), c.queue(), attrs(RATING, String.valueOf(rating)));
    }

    void agentState(Agent a, String reason) {
        out.append(AGENT_STATE, a.callId(), a.id(), null, attrs(
                STATE, a.state().name(), REASON, reason, SEAT, String.valueOf(a.seat())));
    }

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }
}
