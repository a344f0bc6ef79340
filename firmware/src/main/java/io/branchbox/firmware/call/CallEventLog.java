package io.branchbox.firmware.call;

import static io.branchbox.firmware.journal.CallEventTypes.*;

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
                DIRECTION, c.direction().name(),
                TRUNK, c.trunk() == null ? "" : c.trunk().trunk(),
                CALLING, c.trunk() == null ? "" : c.trunk().callingNumber(),
                CALLED, c.trunk() == null ? "" : c.trunk().calledNumber()));
    }

    /** An outbound call is set up before its trunk is known: the numbers come from the request. */
    void startedOutbound(Call c, String calling, String called) {
        out.append(CALL_STARTED, c.id(), c.originator == null ? null : c.originator.id(), c.queue(), attrs(
                DIRECTION, c.direction().name(),
                TRUNK, "",
                CALLING, calling,
                CALLED, called));
    }

    void answered(Call c) {
        out.append(CALL_ANSWERED, c.id(), null, c.queue(), c.direction() == Call.Direction.IN || c.trunk() == null
                ? Map.of() : attrs(TRUNK, c.trunk().trunk()));
    }

    void queued(Call c) {
        out.append(CALL_QUEUED, c.id(), null, c.queue(), attrs(PRIORITY, String.valueOf(c.priority)));
    }

    void held(Call c, Agent a) {
        out.append(CALL_HELD, c.id(), a.id(), c.queue(), Map.of());
    }

    void retrieved(Call c, Agent a) {
        out.append(CALL_RETRIEVED, c.id(), a.id(), c.queue(), Map.of());
    }

    void consult(Call c, Agent a, String to) {
        out.append(CALL_CONSULT, c.id(), a.id(), c.queue(), attrs(TO, to));
    }

    void transferred(Call c, Agent from, String kind, String to) {
        out.append(CALL_TRANSFERRED, c.id(), from.id(), c.queue(), attrs(KIND, kind, TO, to));
    }

    void wrapUp(String callId, Agent a, String code, String notes, String customer) {
        out.append(CALL_WRAPUP, callId, a.id(), null, attrs(CODE, code, NOTES, notes, CUSTOMER, customer));
    }

    void ivr(Call c, String menu, String key, String step) {
        out.append(CALL_IVR, c.id(), null, c.queue(), attrs(MENU, menu, KEY, key, STEP, step));
    }

    void night(Call c, String action) {
        out.append(CALL_NIGHT, c.id(), null, c.queue(), attrs(ACTION, action));
    }

    void voicemail(Call c, String file, long durationMs) {
        out.append(CALL_VOICEMAIL, c.id(), null, c.queue(), attrs(FILE, file, DURATION_MS, String.valueOf(durationMs)));
    }

    void callbackRequested(Call c, String queue, String number, int priority, java.time.Instant placeSince) {
        out.append(CALLBACK_REQUESTED, c.id(), null, queue, attrs(NUMBER, number, PRIORITY, String.valueOf(priority),
                PLACE_SINCE, placeSince.toString()));
    }

    /** An agent put a number on the callback list: {@code id} names the request like a call id. */
    void callbackBooked(String id, Agent by, String queue, String number, java.time.Instant placeSince) {
        out.append(CALLBACK_REQUESTED, id, by.id(), queue, attrs(NUMBER, number, PRIORITY, "0",
                PLACE_SINCE, placeSince.toString()));
    }

    void callbackDone(String lastCallId, String requestId, String queue, String outcome, int attempts) {
        out.append(CALLBACK_DONE, lastCallId, null, queue, attrs(OUTCOME, outcome, ATTEMPT, String.valueOf(attempts),
                REQUEST, requestId));
    }

    void monitor(Call c, Agent supervisor, String mode, Agent target) {
        out.append(CALL_MONITOR, c.id(), supervisor.id(), c.queue(), attrs(MODE, mode, TARGET, target.id()));
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
            case CONNECTED, HELD, CONSULTING, SURVEY, FORWARDED, GOODBYE -> "ANSWERED";
            case VOICEMAIL -> "VOICEMAIL";
            case CALLBACK -> "CALLBACK";
            case ANSWERING, DIALLING -> "FAILED";
            // an answered caller who hangs up waiting after a transfer was served, not abandoned
            default -> c.talked ? "ANSWERED" : "ABANDONED";
        };
        Agent last = c.agent() != null ? c.agent() : c.originator;
        out.append(CALL_ENDED, c.id(), last == null ? null : last.id(), c.queue(), attrs(
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
        agentState(a, reason, "");
    }

    void agentState(Agent a, String reason, String reasonCode) {
        out.append(AGENT_STATE, a.callId(), a.id(), null, attrs(
                STATE, a.state().name(), REASON, reason, REASON_CODE, reasonCode, SEAT, String.valueOf(a.seat())));
    }

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        }
        return m;
    }
}
