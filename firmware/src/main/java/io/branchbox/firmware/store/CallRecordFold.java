package io.branchbox.firmware.store;

import static io.branchbox.firmware.store.CallEventTypes.*;

import io.branchbox.firmware.journal.JournalEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure rule that turns a call's record plus one journal event into the next record. Applying
 * the same events in the same order always gives the same record, which is what makes the
 * call-record table rebuildable. Stateless and thread-safe.
 */
final class CallRecordFold {
    private static final Logger log = LoggerFactory.getLogger(CallRecordFold.class);

    private CallRecordFold() {}

    /** Whether {@code e} changes a call record. */
    static boolean affectsRecord(JournalEvent e) {
        if (e.callId() == null) {
            return false;
        }
        return switch (e.type()) {
            case CALL_STARTED, CALL_ANSWERED, CALL_QUEUED, CALL_CONNECTED, CALL_ENDED, RECORDING_FINISHED -> true;
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
        return switch (e.type()) {
            case CALL_ANSWERED -> r.answeredAt() == null ? r.withAnsweredAt(e.at()) : r;
            case CALL_QUEUED -> r.withQueue(e.queue());
            case CALL_CONNECTED -> {
                CallRecord withAgent = r.withAgent(e.agentId(), e.attr(SEAT));
                yield withAgent.answeredAt() == null ? withAgent.withAnsweredAt(e.at()) : withAgent;
            }
            case CALL_ENDED -> r.withEnd(e.at(), disposition(r, e), e.attr(CAUSE));
            case RECORDING_FINISHED -> r.withRecording(e.attr(FILE), e.attr(SHA256), durationMs(e));
            default -> r;
        };
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
