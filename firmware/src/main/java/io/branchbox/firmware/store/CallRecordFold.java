package io.branchbox.firmware.store;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.CallEvents.*;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.firmware.journal.JournalEvent;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure rule that turns a call's record plus one journal event into the next record. Applying
 * the same events in the same order always gives the same record, which is what makes the
 * call-record table rebuildable. Reads the typed events of {@link CallEvents}; stateless and
 * thread-safe.
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

    /** Whether {@code d} changes a call record (a damaged or foreign event never does). */
    static boolean affectsRecord(Decoded d) {
        return switch (d) {
            case Started e -> true;
            case Answered e -> true;
            case Queued e -> true;
            case Connected e -> true;
            case Ended e -> true;
            case RecordingFinished e -> true;
            case Night e -> true;
            case Held e -> true;
            case Retrieved e -> true;
            case Consulted e -> true;
            case Transferred e -> true;
            case WrappedUp e -> true;
            case Voicemail e -> true;
            case CallbackRequested e -> true;
            case Surveyed e -> true;
            default -> false;
        };
    }

    /** {@link #affectsRecord(Decoded)} of the decoded {@code e}. */
    static boolean affectsRecord(JournalEvent e) {
        return affectsRecord(CallEventCodec.decode(e));
    }

    /** {@link #apply(CallRecord, CallEvents, Instant, long)} of the decoded {@code e}; a damaged or foreign one changes nothing. */
    static CallRecord apply(CallRecord current, JournalEvent e) {
        return CallEventCodec.decode(e) instanceof CallEvents ev && affectsRecord(ev) ? apply(current, ev, e.at(), e.seq())
                : current;
    }

    /**
     * The record after {@code ev}, journalled at {@code at} with sequence number {@code seq} (for
     * the log). {@code current} is null when the call has no record yet; an event for such a
     * call (its start was lost) creates a record from what the event tells. {@code ev} must
     * {@linkplain #affectsRecord(Decoded) affect a record}.
     */
    static CallRecord apply(CallRecord current, CallEvents ev, Instant at, long seq) {
        if (ev instanceof Started s) {
            if (current != null) {
                log.warn("call {}: second start at seq {} ignored", s.callId(), seq);
                return current;
            }
            return CallRecord.started(s.callId(), direction(s.direction()), s.trunk(), s.calling(), s.called(), at);
        }
        CallRecord r = current;
        if (r == null) {
            log.warn("call {}: {} at seq {} without its start; record starts here", ev.callId(),
                    ev.getClass().getSimpleName(), seq);
            r = CallRecord.started(ev.callId(), CallDirection.IN, ev instanceof Answered a ? a.trunk() : null,
                    null, null, at);
        }
        CallHandling h = r.handling();
        return switch (ev) {
            case Answered e -> {
                // an outbound call's channel is known from its answer on
                String trunk = e.trunk();
                CallRecord withTrunk = trunk != null && !trunk.isEmpty() && (r.trunk() == null || r.trunk().isEmpty())
                        ? r.withTrunk(trunk) : r;
                yield withTrunk.answeredAt() == null ? withTrunk.withAnsweredAt(at) : withTrunk;
            }
            case Queued e -> r.withQueue(e.queue()).withHandling(e.priority() == null ? h : h.withPriority(e.priority()));
            case Connected e -> {
                CallRecord withAgent = r.agentId() == null
                        ? r.withAgent(e.agentId(), e.seat() == null ? null : e.seat().toString()) : r;
                withAgent = withAgent.withHandling(h.withLastAgent(e.agentId()));
                yield withAgent.answeredAt() == null ? withAgent.withAnsweredAt(at) : withAgent;
            }
            case Ended e -> {
                CallRecord closed = r.withHandling(h.retrieved(at));
                yield closed.withEnd(at, disposition(closed, e), e.cause() == null ? null : e.cause().toString());
            }
            case RecordingFinished e -> r.withRecording(e.file(), e.sha256(),
                    e.duration() == null ? null : e.duration().toMillis());
            case Held e -> r.withHandling(h.held(at));
            case Consulted e -> r.withHandling(h.held(at));
            case Retrieved e -> r.withHandling(h.retrieved(at));
            case Transferred e -> r.withHandling(h.retrieved(at).transferred());
            case WrappedUp e -> r.withHandling(h.withWrapUp(e.code(), e.notes(), e.customer()));
            case Voicemail e -> r.withHandling(h.withVoicemail(e.file()));
            case Night e -> r.withHandling(h.withNightService());
            case CallbackRequested e -> r.withHandling(h.withCallbackRequested());
            case Surveyed e -> r.withHandling(h.withSurveyRating(e.rating()));
            default -> r;
        };
    }

    private static CallDirection direction(Direction d) {
        return switch (d) {
            case IN -> CallDirection.IN;
            case OUT -> CallDirection.OUT;
            case INTERNAL -> CallDirection.INTERNAL;
        };
    }

    private static CallDisposition disposition(CallRecord r, Ended e) {
        if (e.disposition() != null) {
            return switch (e.disposition()) {
                case ANSWERED -> CallDisposition.ANSWERED;
                case ABANDONED -> CallDisposition.ABANDONED;
                case BUSY -> CallDisposition.BUSY;
                case NO_ANSWER -> CallDisposition.NO_ANSWER;
                case FAILED -> CallDisposition.FAILED;
                case VOICEMAIL -> CallDisposition.VOICEMAIL;
                case CALLBACK -> CallDisposition.CALLBACK;
            };
        }
        if (r.agentId() != null) {
            return CallDisposition.ANSWERED;
        }
        if (r.queue() != null) {
            return CallDisposition.ABANDONED;
        }
        return r.answeredAt() != null ? CallDisposition.ANSWERED : CallDisposition.FAILED;
    }
}
