package io.branchbox.firmware.journal;

import static io.branchbox.firmware.journal.CallEventTypes.*;

import io.branchbox.firmware.journal.CallEventAttributes.Attrs;
import io.branchbox.firmware.journal.CallEventAttributes.BadValue;
import io.branchbox.firmware.journal.CallEventAttributes.Fields;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.journal.CallEvents.*;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where {@link CallEvents} records meet their on-disk form, a {@link JournalEvent}
 * of type {@link CallEventTypes} with string attributes. The form is the one the box has always
 * written, so journals of older firmware read unchanged.
 *
 * <p>Decoding is lenient about what is absent (an absent attribute is a null component, or the
 * default a record documents) and strict about what is wrong (a number that is not one, an enum
 * name the box never wrote, a missing call id): such an event decodes to {@link Decoded.Damaged},
 * is counted ({@link #damagedCount()}) and logged, and the replay goes on. One exception keeps the
 * old rules: an unknown disposition of {@code call.ended} is dropped (the reader derives one), so a
 * call always ends; a wrong number in a recording's report or a wrong seat is dropped (with a
 * warning), so the recording is still catalogued and the agent's connection still counts.
 *
 * <p>Stateless apart from the damage counter; thread-safe.
 */
public final class CallEventCodec {
    private static final Logger log = LoggerFactory.getLogger(CallEventCodec.class);
    private static final AtomicLong DAMAGED = new AtomicLong();

    /** Where {@link #write} puts an encoded event: the journal's append, or a port shaped like it. */
    @FunctionalInterface
    public interface Sink {
        void append(String type, String callId, String agentId, String queue, Map<String, String> attrs);
    }

    /** Kept equal to the names {@link #write} gives (a property test checks every type). */
    private static final Map<Class<?>, String> TYPE_NAMES = Map.ofEntries(
            Map.entry(Started.class, CALL_STARTED), Map.entry(Answered.class, CALL_ANSWERED),
            Map.entry(Queued.class, CALL_QUEUED), Map.entry(Offered.class, CALL_OFFERED),
            Map.entry(OfferMissed.class, CALL_OFFER_MISSED), Map.entry(Overflowed.class, CALL_OVERFLOW),
            Map.entry(Connected.class, CALL_CONNECTED), Map.entry(Ended.class, CALL_ENDED),
            Map.entry(RecordingFinished.class, RECORDING_FINISHED), Map.entry(RecordingFailed.class, RECORDING_FAILED),
            Map.entry(Attempt.class, CALL_ATTEMPT), Map.entry(AgentStateChanged.class, AGENT_STATE),
            Map.entry(Ivr.class, CALL_IVR), Map.entry(Night.class, CALL_NIGHT), Map.entry(Held.class, CALL_HELD),
            Map.entry(Retrieved.class, CALL_RETRIEVED), Map.entry(Consulted.class, CALL_CONSULT),
            Map.entry(Transferred.class, CALL_TRANSFERRED), Map.entry(WrappedUp.class, CALL_WRAPUP),
            Map.entry(Monitored.class, CALL_MONITOR), Map.entry(Voicemail.class, CALL_VOICEMAIL),
            Map.entry(Surveyed.class, CALL_SURVEY), Map.entry(Refused.class, CALL_REFUSED),
            Map.entry(SpanRestarted.class, SPAN_RESTART), Map.entry(CallbackRequested.class, CALLBACK_REQUESTED),
            Map.entry(CallbackDone.class, CALLBACK_DONE));

    private static final Q850Cause NO_CAUSE = Q850Cause.of(0);

    private CallEventCodec() {}

    /** {@code event} as a journal event at {@code at}, not yet appended. */
    public static JournalEvent encode(Instant at, CallEvents event) {
        JournalEvent[] out = new JournalEvent[1];
        write(event, (type, callId, agentId, queue, attrs) -> out[0] = JournalEvent.of(at, type, callId, agentId, queue, attrs));
        return out[0];
    }

    /** Hands {@code event}'s on-disk type, envelope and attributes to {@code sink}. */
    public static void write(CallEvents event, Sink sink) {
        Attrs a = new Attrs();
        String type = switch (event) {
            case Started e -> {
                a.put(DIRECTION, e.direction()).put(TRUNK, e.trunk()).put(CALLING, e.calling()).put(CALLED, e.called());
                yield CALL_STARTED;
            }
            case Answered e -> {
                a.put(TRUNK, e.trunk());
                yield CALL_ANSWERED;
            }
            case Queued e -> {
                a.put(PRIORITY, e.priority());
                yield CALL_QUEUED;
            }
            case Offered e -> {
                a.put(SEAT, e.seat());
                yield CALL_OFFERED;
            }
            case OfferMissed e -> {
                a.put(SEAT, e.seat());
                yield CALL_OFFER_MISSED;
            }
            case Overflowed e -> {
                a.put(FROM, e.from());
                yield CALL_OVERFLOW;
            }
            case Connected e -> {
                a.put(SEAT, e.seat());
                yield CALL_CONNECTED;
            }
            case Ended e -> {
                a.put(DISPOSITION, e.disposition()).put(CAUSE, e.cause()).put(REASON, e.reason())
                        .put(DURATION_MS, e.duration());
                yield CALL_ENDED;
            }
            case RecordingFinished e -> {
                a.put(FILE, e.file()).put(DURATION_MS, e.duration()).put(SHA256, e.sha256()).put(BYTES, e.bytes())
                        .put(LOST_FRAMES, e.lostFrames()).put(WRITE_ERROR, e.writeError());
                yield RECORDING_FINISHED;
            }
            case RecordingFailed e -> {
                a.put(ERROR, e.error());
                yield RECORDING_FAILED;
            }
            case Attempt e -> {
                a.put(ATTEMPT, e.attempt()).put(TRUNK, e.trunk()).put(CAUSE, orNone(e.cause()))
                        .put(CAUSE_LOCATION, e.causeLocation()).put(OUTCOME, e.outcome())
                        .put(STARTED_AT, e.startedAt().toString()).put(DURATION_MS, e.duration()).put(REASON, e.reason());
                yield CALL_ATTEMPT;
            }
            case AgentStateChanged e -> {
                a.put(STATE, e.state()).put(REASON, e.reason()).put(REASON_CODE, e.reasonCode()).put(SEAT, e.seat());
                yield AGENT_STATE;
            }
            case Ivr e -> {
                a.put(MENU, e.menu()).put(KEY, e.key()).put(STEP, e.step());
                yield CALL_IVR;
            }
            case Night e -> {
                a.put(ACTION, e.action());
                yield CALL_NIGHT;
            }
            case Held e -> CALL_HELD;
            case Retrieved e -> CALL_RETRIEVED;
            case Consulted e -> {
                a.put(TO, e.to());
                yield CALL_CONSULT;
            }
            case Transferred e -> {
                a.put(KIND, e.kind()).put(TO, e.to());
                yield CALL_TRANSFERRED;
            }
            case WrappedUp e -> {
                a.put(CODE, e.code()).put(NOTES, e.notes()).put(CUSTOMER, e.customer());
                yield CALL_WRAPUP;
            }
            case Monitored e -> {
                a.put(MODE, e.mode()).put(TARGET, e.target());
                yield CALL_MONITOR;
            }
            case Voicemail e -> {
                a.put(FILE, e.file()).put(DURATION_MS, e.duration());
                yield CALL_VOICEMAIL;
            }
            case Surveyed e -> {
                a.put(RATING, e.rating());
                yield CALL_SURVEY;
            }
            case Refused e -> {
                a.put(CAUSE, e.cause()).put(TRUNK, e.trunk()).put(CALLING, e.calling()).put(CALLED, e.called())
                        .put(REASON, e.reason());
                yield CALL_REFUSED;
            }
            case SpanRestarted e -> {
                a.put(KIND, e.kind()).put(TRUNK, e.trunk()).put(CAUSE, orNone(e.cause()))
                        .put(CHANNELS, String.join(",", e.channels().stream().map(String::valueOf).toList()));
                yield SPAN_RESTART;
            }
            case CallbackRequested e -> {
                a.put(NUMBER, e.number()).put(PRIORITY, e.priority()).put(PLACE_SINCE, e.placeSince());
                yield CALLBACK_REQUESTED;
            }
            case CallbackDone e -> {
                a.put(OUTCOME, e.outcome()).put(ATTEMPT, e.attempts()).put(REQUEST, e.request());
                yield CALLBACK_DONE;
            }
        };
        sink.append(type, event.callId(), event.agentId(), event.queue(), a.map);
    }

    /**
     * {@code e} as a typed call event; {@link Decoded#NOT_A_CALL_EVENT} for other event types;
     * {@link Decoded.Damaged} (counted and logged) when it cannot be read. Never throws.
     */
    public static Decoded decode(JournalEvent e) {
        try {
            return read(new Fields(e));
        } catch (BadValue bad) {
            return damaged(e, bad.getMessage());
        }
    }

    /**
     * A test of on-disk type names: whether a name is that of one of {@code types}. For a reader
     * that has the journal leave such events bare ({@link JournalReader#read(java.nio.file.Path,
     * java.util.function.Predicate, java.util.function.Consumer)}) without naming the strings.
     */
    @SafeVarargs
    public static Predicate<String> typeIsOneOf(Class<? extends CallEvents>... types) {
        Set<String> names = new HashSet<>();
        for (Class<? extends CallEvents> t : types) {
            names.add(typeName(t));
        }
        return Set.copyOf(names)::contains;
    }

    /** The on-disk type name of a record class ({@code "call.started"} for {@link Started}). */
    public static String typeName(Class<? extends CallEvents> type) {
        String name = TYPE_NAMES.get(type);
        if (name == null) {
            throw new IllegalArgumentException("not a call event record: " + type);
        }
        return name;
    }

    /** How many call events were found damaged since the box started. */
    public static long damagedCount() {
        return DAMAGED.get();
    }

    private static Decoded read(Fields f) {
        JournalEvent e = f.e();
        return switch (e.type()) {
            case CALL_STARTED -> new Started(f.callId(), e.agentId(), e.queue(),
                    f.en(DIRECTION, Direction.class, Direction.IN), f.s(TRUNK), f.s(CALLING), f.s(CALLED));
            case CALL_ANSWERED -> new Answered(f.callId(), e.queue(), f.s(TRUNK));
            case CALL_QUEUED -> new Queued(f.callId(), e.queue(), f.i(PRIORITY));
            case CALL_OFFERED -> new Offered(f.callId(), e.agentId(), e.queue(), f.lenientInt(SEAT));
            case CALL_OFFER_MISSED -> new OfferMissed(f.callId(), e.agentId(), e.queue(), f.lenientInt(SEAT));
            case CALL_OVERFLOW -> new Overflowed(f.callId(), e.queue(), f.s(FROM));
            case CALL_CONNECTED -> new Connected(f.callId(), e.agentId(), e.queue(), f.lenientInt(SEAT));
            case CALL_ENDED -> new Ended(f.callId(), e.agentId(), e.queue(), f.disposition(), f.cause(CAUSE), f.s(REASON),
                    f.ms(DURATION_MS));
            // the numbers are the recorder's report, read leniently: the recording must be catalogued
            case RECORDING_FINISHED -> new RecordingFinished(f.callId(), e.queue(), f.req(FILE), f.s(SHA256),
                    f.lenientMs(DURATION_MS), f.lenientLong(BYTES), f.lenientLong(LOST_FRAMES), f.s(WRITE_ERROR));
            case RECORDING_FAILED -> new RecordingFailed(f.callId(), e.queue(), f.s(ERROR));
            case CALL_ATTEMPT -> new Attempt(f.callId(), f.reqInt(ATTEMPT), f.req(TRUNK), f.causeOrNone(CAUSE),
                    f.req(CAUSE_LOCATION), f.en(OUTCOME, AttemptOutcome.class, null), f.instant(STARTED_AT),
                    f.reqMs(DURATION_MS), f.req(REASON));
            case AGENT_STATE -> new AgentStateChanged(emptyToNull(e.callId()), f.agentId(),
                    f.en(STATE, AgentStatus.class, null), f.s(REASON), f.s(REASON_CODE), f.lenientInt(SEAT));
            case CALL_IVR -> new Ivr(f.callId(), e.queue(), f.s(MENU), f.s(KEY), f.s(STEP));
            case CALL_NIGHT -> new Night(f.callId(), e.queue(), f.s(ACTION));
            case CALL_HELD -> new Held(f.callId(), e.agentId(), e.queue());
            case CALL_RETRIEVED -> new Retrieved(f.callId(), e.agentId(), e.queue());
            case CALL_CONSULT -> new Consulted(f.callId(), e.agentId(), e.queue(), f.s(TO));
            case CALL_TRANSFERRED -> new Transferred(f.callId(), e.agentId(), e.queue(),
                    f.en(KIND, TransferKind.class, null), f.s(TO));
            case CALL_WRAPUP -> new WrappedUp(f.callId(), e.agentId(), f.s(CODE), f.s(NOTES), f.s(CUSTOMER));
            case CALL_MONITOR -> new Monitored(f.callId(), e.agentId(), e.queue(),
                    f.en(MODE, MonitorMode.class, null), f.s(TARGET));
            case CALL_VOICEMAIL -> new Voicemail(f.callId(), e.queue(), f.s(FILE), f.ms(DURATION_MS));
            case CALL_SURVEY -> new Surveyed(f.callId(), e.agentId(), e.queue(), f.reqInt(RATING));
            case CALL_REFUSED -> new Refused(f.reqCause(CAUSE), f.req(TRUNK), f.s(CALLING), f.s(CALLED), f.s(REASON));
            case SPAN_RESTART -> new SpanRestarted(f.req(KIND), f.req(TRUNK), f.causeOrNone(CAUSE), f.channels());
            case CALLBACK_REQUESTED -> new CallbackRequested(f.callId(), e.agentId(), e.queue(), f.req(NUMBER),
                    f.i(PRIORITY) == null ? 0 : f.i(PRIORITY), f.optionalInstant(PLACE_SINCE));
            // the asking call's id is in REQUEST; callId is "" when no attempt was made
            case CALLBACK_DONE -> new CallbackDone(e.callId() == null ? "" : e.callId(), e.queue(),
                    f.en(OUTCOME, CallbackOutcome.class, null), f.i(ATTEMPT) == null ? 0 : f.i(ATTEMPT), f.req(REQUEST));
            default -> Decoded.NOT_A_CALL_EVENT;
        };
    }

    private static Decoded damaged(JournalEvent e, String why) {
        long n = DAMAGED.incrementAndGet();
        // the first few in full, then every thousandth: a journal damaged the same way thousands of
        // times must not flood the log, nor hide that it goes on
        if (n <= 20 || n % 1000 == 0) {
            log.warn("journal event {} ({}) of call {} skipped: {} ({} damaged call event(s) so far)",
                    e.seq(), e.type(), e.callId(), why, n);
        }
        return new Decoded.Damaged(e.type(), e.seq(), why);
    }

    /** "No cause" is written as value 0, as the box always has (0 is no Q.850 cause). */
    private static Q850Cause orNone(Q850Cause c) {
        return c == null ? NO_CAUSE : c;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
