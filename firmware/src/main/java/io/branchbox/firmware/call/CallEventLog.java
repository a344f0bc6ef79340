package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.CallEvents.*;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns call-control steps into typed journal events ({@link CallEvents}), one method per step;
 * {@link CallEventCodec} alone knows their form on disk (the call-record projection and the
 * statistics read the same records back).
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
        append(new Started(c.id(), null, c.queue(), direction(c),
                c.trunk() == null ? "" : c.trunk().trunk(),
                c.trunk() == null ? "" : nonNull(c.trunk().callingNumber()),
                c.trunk() == null ? "" : nonNull(c.trunk().calledNumber())));
    }

    /** An outbound call is set up before its trunk is known: the numbers come from the request. */
    void startedOutbound(Call c, String calling, String called) {
        append(new Started(c.id(), c.originator == null ? null : c.originator.id(), c.queue(), direction(c), "",
                nonNull(calling), nonNull(called)));
    }

    void answered(Call c) {
        append(new Answered(c.id(), c.queue(),
                c.direction() == Call.Direction.IN || c.trunk() == null ? null : c.trunk().trunk()));
    }

    void queued(Call c) {
        append(new Queued(c.id(), c.queue(), c.priority));
    }

    void held(Call c, Agent a) {
        append(new Held(c.id(), a.id(), c.queue()));
    }

    void retrieved(Call c, Agent a) {
        append(new Retrieved(c.id(), a.id(), c.queue()));
    }

    void consult(Call c, Agent a, String to) {
        append(new Consulted(c.id(), a.id(), c.queue(), nonNull(to)));
    }

    /** {@code kind}: {@code BLIND} or {@code ATTENDED}. */
    void transferred(Call c, Agent from, String kind, String to) {
        append(new Transferred(c.id(), from.id(), c.queue(), TransferKind.valueOf(kind), nonNull(to)));
    }

    void wrapUp(String callId, Agent a, String code, String notes, String customer) {
        append(new WrappedUp(callId, a.id(), nonNull(code), nonNull(notes), nonNull(customer)));
    }

    void ivr(Call c, String menu, String key, String step) {
        append(new Ivr(c.id(), c.queue(), nonNull(menu), nonNull(key), nonNull(step)));
    }

    void night(Call c, String action) {
        append(new Night(c.id(), c.queue(), nonNull(action)));
    }

    void voicemail(Call c, String file, long durationMs) {
        append(new Voicemail(c.id(), c.queue(), nonNull(file), Duration.ofMillis(durationMs)));
    }

    void callbackRequested(Call c, String queue, String number, int priority, Instant placeSince) {
        append(new CallbackRequested(c.id(), null, queue, nonNull(number), priority, placeSince));
    }

    /** An agent put a number on the callback list: {@code id} names the request like a call id. */
    void callbackBooked(String id, Agent by, String queue, String number, Instant placeSince) {
        append(new CallbackRequested(id, by.id(), queue, nonNull(number), 0, placeSince));
    }

    /** {@code outcome}: {@code REACHED}, {@code FAILED} or {@code CANCELLED}. */
    void callbackDone(String lastCallId, String requestId, String queue, String outcome, int attempts) {
        append(new CallbackDone(nonNull(lastCallId), queue, CallbackOutcome.valueOf(outcome), attempts, requestId));
    }

    /** {@code mode}: a {@code console.MonitorMode} name. */
    void monitor(Call c, Agent supervisor, String mode, Agent target) {
        append(new Monitored(c.id(), supervisor.id(), c.queue(), MonitorMode.valueOf(mode), target.id()));
    }

    void overflowed(Call c, String from) {
        append(new Overflowed(c.id(), c.queue(), nonNull(from)));
    }

    void offered(Call c, Agent a) {
        append(new Offered(c.id(), a.id(), c.queue(), a.seat()));
    }

    void offerMissed(Call c, Agent a) {
        append(new OfferMissed(c.id(), a.id(), c.queue(), a.seat()));
    }

    void connected(Call c, Agent a) {
        append(new Connected(c.id(), a.id(), c.queue(), a.seat()));
    }

    void ended(Call c, Call.State was, Q850Cause cause, String why) {
        Disposition disposition = switch (was) {
            case CONNECTED, HELD, CONSULTING, SURVEY, FORWARDED, GOODBYE -> Disposition.ANSWERED;
            case VOICEMAIL -> Disposition.VOICEMAIL;
            case CALLBACK -> Disposition.CALLBACK;
            case ANSWERING, DIALLING -> Disposition.FAILED;
            // an answered caller who hangs up waiting after a transfer was served, not abandoned
            default -> c.talked ? Disposition.ANSWERED : Disposition.ABANDONED;
        };
        Agent last = c.agent() != null ? c.agent() : c.originator;
        Duration length = Duration.between(c.startedAt(), c.stateSince());
        append(new Ended(c.id(), last == null ? null : last.id(), c.queue(), disposition, cause, nonNull(why), length));
        log.info("call {} ended ({}) after {}: {}", c.id(), disposition, length, why);
    }

    void recorded(Call c, CallControlPorts.Result r, Throwable err) {
        if (err != null) {
            log.error("call {}: recording could not be finished", c.id(), err);
            append(new RecordingFailed(c.id(), c.queue(), String.valueOf(err.getMessage())));
            return;
        }
        append(new RecordingFinished(c.id(), c.queue(), nonNull(r.file()), nonNull(r.sha256()),
                Duration.ofMillis(r.durationMs()), null, null, null));
    }

    /** {@code rating}: the key the caller pressed, '1' to '3'. */
    void survey(Call c, Agent a, char rating) {
        append(new Surveyed(c.id(), a == null ? null : a.id(), c.queue(), rating - '0'));
    }

    void agentState(Agent a, String reason) {
        agentState(a, reason, "");
    }

    void agentState(Agent a, String reason, String reasonCode) {
        append(new AgentStateChanged(a.callId(), a.id(), status(a.state()), nonNull(reason), nonNull(reasonCode),
                a.seat()));
    }

    private void append(CallEvents e) {
        CallEventCodec.write(e, out::append);
    }

    private static Direction direction(Call c) {
        return switch (c.direction()) {
            case IN -> Direction.IN;
            case OUT -> Direction.OUT;
            case INTERNAL -> Direction.INTERNAL;
        };
    }

    private static AgentStatus status(AgentState s) {
        return switch (s) {
            case LOGGED_OUT -> AgentStatus.LOGGED_OUT;
            case NOT_READY -> AgentStatus.NOT_READY;
            case READY -> AgentStatus.READY;
            case OFFERED -> AgentStatus.OFFERED;
            case ON_CALL -> AgentStatus.ON_CALL;
            case WRAP_UP -> AgentStatus.WRAP_UP;
        };
    }

    /** The old writer wrote "" for an unknown value; readers of old journals rely on it. */
    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
