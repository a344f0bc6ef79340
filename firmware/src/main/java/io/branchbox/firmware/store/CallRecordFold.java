package io.branchbox.firmware.store;

import static io.branchbox.firmware.journal.CallEventTypes.*;

import io.branchbox.firmware.journal.JournalEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure rule that turns a call's record plus one journal event into the next record. Applying
 * the same events in the same order always gives the same record, which is what makes the
 * call-record table rebuildable. Stateless and thread-safe.
 *
 * <p>Call-handling rules: the first {@code call.connected} sets the answering agent, every one
 * sets {@link CallHandling#lastAgentId()}; a hold runs from {@code call.held} or
 * {@code call.consult} (the caller waits while the agent consults) to {@code call.retrieved}, a
 * transfer or the call's end, and a hold already running is not counted twice; the last
 * {@code call.wrapup} wins (the agent may correct it, also after the call ended).
 */
final class CallRecordFold {
    private static final Logger log = LoggerFactory.getLogger(CallRecordFold.class);

    private CallRecordFold() {}

    /** Whether {@code e} changes a call record. */
    static boolean affectsRecord(JournalEvent e) {
        if (e.callId() == null || e.callId().isEmpty()) {
            return false;
        }
        return switch (e.type()) {
            case CALL_STARTED, CALL_ANSWERED, CALL_QUEUED, CALL_CONNECTED, CALL_ENDED, RECORDING_FINISHED,
                    CALL_NIGHT, CALL_HELD, CALL_RETRIEVED, CALL_CONSULT, CALL_TRANSFERRED, CALL_WRAPUP,
                    CALL_VOICEMAIL, CALLBACK_REQUESTED, CALL_SURVEY -> true;
            default -> false;
        };
    }

    /**
     * The record after {@code e}. {@code current} is null when the call has no record yet; an event
     * for such a call (its start was lost) creates a record from what the event tells.
     */
    static CallRecord apply(CallRecord current, JournalEvent e) {
        if (e.type().equals(CALL_STARTED)) {
            if (current != null) {
                log.warn("call {}: second {} at seq {} ignored", e.callId(), CALL_STARTED, e.seq());
                return current;
            }
            return CallRecord.started(e.callId(), direction(e), e.attr(TRUNK), e.attr(CALLING), e.attr(CALLED), e.at());
        }
        CallRecord r = current;
        if (r == null) {
            log.warn("call {}: {} at seq {} without {}; record starts here", e.callId(), e.type(), e.seq(), CALL_STARTED);
            r = CallRecord.started(e.callId(), direction(e), e.attr(TRUNK), e.attr(CALLING), e.attr(CALLED), e.at());
        }
        CallHandling h = r.handling();
        return switch (e.type()) {
            case CALL_ANSWERED -> {
                // an outbound call's channel is known from its answer on (attribute trunk)
                String trunk = e.attr(TRUNK);
                CallRecord withTrunk = trunk != null && !trunk.isEmpty() && (r.trunk() == null || r.trunk().isEmpty())
                        ? r.withTrunk(trunk) : r;
                yield withTrunk.answeredAt() == null ? withTrunk.withAnsweredAt(e.at()) : withTrunk;
            }
            case CALL_QUEUED -> {
                Integer p = number(e, PRIORITY);
                yield r.withQueue(e.queue()).withHandling(p == null ? h : h.withPriority(p));
            }
            case CALL_CONNECTED -> {
                CallRecord withAgent = r.agentId() == null ? r.withAgent(e.agentId(), e.attr(SEAT)) : r;
                withAgent = withAgent.withHandling(h.withLastAgent(e.agentId()));
                yield withAgent.answeredAt() == null ? withAgent.withAnsweredAt(e.at()) : withAgent;
            }
            case CALL_ENDED -> {
                CallRecord closed = r.withHandling(h.retrieved(e.at()));
                yield closed.withEnd(e.at(), disposition(closed, e), e.attr(CAUSE));
            }
            case RECORDING_FINISHED -> r.withRecording(e.attr(FILE), e.attr(SHA256), durationMs(e));
            case CALL_HELD, CALL_CONSULT -> r.withHandling(h.held(e.at()));
            case CALL_RETRIEVED -> r.withHandling(h.retrieved(e.at()));
            case CALL_TRANSFERRED -> r.withHandling(h.retrieved(e.at()).transferred());
            case CALL_WRAPUP -> r.withHandling(h.withWrapUp(e.attr(CODE), e.attr(NOTES), e.attr(CUSTOMER)));
            case CALL_VOICEMAIL -> r.withHandling(h.withVoicemail(e.attr(FILE)));
            case CALL_NIGHT -> r.withHandling(h.withNightService());
            case CALLBACK_REQUESTED -> r.withHandling(h.withCallbackRequested());
            case CALL_SURVEY -> r.withHandling(h.withSurveyRating(number(e, RATING)));
            default -> r;
        };
    }

    private static Integer number(JournalEvent e, String key) {
        String v = e.attr(key);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException ex) {
            log.warn("call {}: {} '{}' at seq {} is not a number", e.callId(), key, v, e.seq());
            return null;
        }
    }

    private static CallDirection direction(JournalEvent e) {
        String d = e.attr(DIRECTION);
        if (d == null) {
            return CallDirection.IN;
        }
        try {
            return CallDirection.valueOf(d);
        } catch (IllegalArgumentException ex) {
            log.warn("call {}: unknown direction '{}' at seq {}, taken as IN", e.callId(), d, e.seq());
            return CallDirection.IN;
        }
    }

    private static CallDisposition disposition(CallRecord r, JournalEvent e) {
        String explicit = e.attr(DISPOSITION);
        if (explicit != null) {
            try {
                return CallDisposition.valueOf(explicit);
            } catch (IllegalArgumentException ex) {
                log.warn("call {}: unknown disposition '{}' at seq {}, derived instead", e.callId(), explicit, e.seq());
            }
        }
        if (r.agentId() != null) {
            return CallDisposition.ANSWERED;
        }
        if (r.queue() != null) {
            return CallDisposition.ABANDONED;
        }
        return r.answeredAt() != null ? CallDisposition.ANSWERED : CallDisposition.FAILED;
    }

    private static Long durationMs(JournalEvent e) {
        String d = e.attr(DURATION_MS);
        if (d == null) {
            return null;
        }
        try {
            return Long.parseLong(d);
        } catch (NumberFormatException ex) {
            log.warn("call {}: recording duration '{}' at seq {} is not a number", e.callId(), d, e.seq());
            return null;
        }
    }
}
