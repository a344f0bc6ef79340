package io.branchbox.firmware.workorder;

import static io.branchbox.firmware.workorder.WorkOrderEvents.*;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work orders: opening them, entering stages, deadlines and escalation. Every change is one
 * journal event, appended and then applied to the projection with the same code a rebuild uses;
 * a refused command ({@link Refusal}) journals nothing.
 *
 * <p>Rules enforced here, before anything is journaled: the stage must be in {@link Transitions}
 * for the order's status; the person must be entitled to it ({@link Stage#entitled}), and a crew
 * may only report on an order dispatched to it; a phone report needs its call id; each stage
 * needs its own time, strictly after the stage before (a clock stepped back is refused, not
 * recorded out of order) and a crew's completion needs another call than its arrival. A client
 * submission id makes a retry harmless: the same submission returns the order as it is.
 *
 * <p>A deadline that passes journals {@code workorder.late} naming the shift lead on duty and
 * raises the alarm {@code WORKORDER_LATE_<number>} (cleared when the stage is entered).
 *
 * <p>Threading: every public method may be called from any thread (web requests, the IVR on
 * signalling, timers on the given scheduler); they hold the book's lock, which is never held
 * across I/O — the journal's append ({@code EventJournal::append}, which returns the sequence
 * number) only queues.
 */
public final class WorkOrderBook {
    private static final Logger log = LoggerFactory.getLogger(WorkOrderBook.class);
    private static final int CALL_ENDS_KEPT = 2000;

    private final Scheduler scheduler;
    private final ToLongFunction<JournalEvent> journal;
    private final BoxConfig.WorkOrders config;
    private final Deadlines deadlines;
    final ShiftRota rota;
    private final WorkOrderProjection p = new WorkOrderProjection();
    private final Map<String, Scheduler.Timer> timers = new HashMap<>();
    private final Map<String, Instant> callEnds = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > CALL_ENDS_KEPT;
        }
    };
    private Consumer<Alarm> alarms = a -> { };
    private int crewFailures;
    private static final String CREW_ALARM = "WORKORDER_CREW_IVR";

    public WorkOrderBook(Scheduler scheduler, ToLongFunction<JournalEvent> journal, BoxConfig.WorkOrders config, ShiftRota rota) {
        this.scheduler = scheduler;
        this.journal = journal;
        this.config = config;
        this.deadlines = new Deadlines(config.deadlines());
        this.rota = rota;
    }

    /** Feeds one event of a rebuild (any type; others than {@code workorder.*} and {@code call.ended} are ignored). */
    public synchronized void replay(JournalEvent e) {
        if (e.type().startsWith(Stage.EVENT_PREFIX)) {
            p.apply(e);
        } else if (CallEventCodec.decode(e) instanceof CallEvents.Ended end) {
            onCallEnded(end.callId(), e.at());
        }
    }

    /** After the rebuild: arms the deadline of every open order (one already past runs at once). */
    public synchronized void start() {
        p.orders.values().forEach(this::arm);
        log.info("work orders: {} in the journal, {} open", p.orders.size(),
                p.orders.values().stream().filter(o -> o.status.open()).count());
    }

    /** Where late alarms go (raised and cleared); every active one is raised again to a new sink. */
    public synchronized void setAlarmSink(Consumer<Alarm> sink) {
        this.alarms = sink;
        p.orders.values().stream().filter(o -> o.lateDue != null).forEach(this::raiseLate);
    }

    /** A call ended at {@code at}: an order opened for it later than the case-registration minutes lags. */
    public synchronized void onCallEnded(String callId, Instant at) {
        if (callId != null) {
            callEnds.put(callId, at);
        }
    }

    /** Opens an order ({@link Stage#ACCEPT}) by an agent or lead; the actor owns it until it closes. */
    public synchronized WorkOrder accept(NewOrder n, Actor by, String submission) {
        Optional<WorkOrder> again = retried(submission, null, Stage.ACCEPT);
        if (again.isPresent()) {
            return again.get();
        }
        entitled(Stage.ACCEPT, by);
        if (n.source() != Source.CALLBACK && n.callId().isEmpty()) {
            throw new Refusal(Refusal.Reason.BAD_INPUT, "an order from a call or a voicemail needs its call id");
        }
        if (!n.callerNumber().matches("[0-9+]{0,32}")) {
            throw new Refusal(Refusal.Reason.BAD_INPUT, "'" + n.callerNumber() + "' is not a phone number");
        }
        Instant now = scheduler.clock().instant();
        Instant ended = callEnds.get(n.callId());
        Map<String, String> a = base(p.nextNumber(), n.kind(), by, submission);
        a.put(SOURCE, n.source().name());
        a.put(CALLER, n.callerNumber());
        a.put(NAME, n.callerName());
        a.put(ADDRESS, n.address());
        a.put(AREA, n.area().name());
        a.put(SUMMARY, n.summary());
        a.put(SHIFT, rota.onDuty(now).map(ShiftRota.OnDuty::key).orElse(""));
        a.put(CASE_LAG, Boolean.toString(deadlines.caseLag(ended, now)));
        if (ended != null) {
            a.put(CALL_ENDED, ended.toString());
        }
        OrderRecord o = p.orders.get(append(now, Stage.ACCEPT.eventType(), n.callId(), by, a));
        log.info("work order {} ({}) opened by {}", o.number, o.kind, by.id());
        arm(o);
        return o.view(deadlines);
    }

    /** Enters one stage on order {@code number}; see the class comment for what is refused. */
    public synchronized WorkOrder enter(String number, StageInput in, Actor by, String submission) {
        Optional<WorkOrder> again = retried(submission, number, in.stage());
        if (again.isPresent()) {
            return again.get();
        }
        OrderRecord o = order(number);
        Stage stage = in.stage();
        entitled(stage, by);
        if (Transitions.next(o.kind, o.status, stage).isEmpty()) {
            throw new Refusal(Refusal.Reason.STAGE_NOT_ALLOWED, "order " + number + " is " + o.status
                    + ": " + stage + " is not allowed now (allowed: " + Transitions.allowed(o.kind, o.status) + ")");
        }
        if (by.via() == Via.PHONE && by.callId().isEmpty()) {
            throw new Refusal(Refusal.Reason.BAD_INPUT, "a stage reported by phone needs the call id as proof");
        }
        Map<String, String> a = base(number, o.kind, by, submission);
        switch (stage) {
            case DISPATCH -> {
                if (config.crews().stream().noneMatch(c -> c.id().equals(in.crew()))) {
                    throw new Refusal(Refusal.Reason.BAD_INPUT, "no crew '" + in.crew() + "' is configured");
                }
                a.put(CREW, in.crew());
            }
            case ARRIVE, COMPLETE -> {
                if (!by.id().equals(o.crew)) {
                    throw new Refusal(Refusal.Reason.WRONG_CREW, "order " + number + " is dispatched to crew "
                            + o.crew + ", not " + by.id());
                }
                StageRecord arrived = stage == Stage.COMPLETE ? o.stages.get(o.stages.size() - 1) : null;
                if (arrived != null && !by.callId().isEmpty() && by.callId().equals(arrived.callId())) {
                    throw new Refusal(Refusal.Reason.SAME_CALL_AS_PREVIOUS, "arrival and completion need two calls: "
                            + "call again when the job is done");
                }
                a.put(CREW, by.id());
            }
            case CALLBACK -> {
                if (in.outcome() == null) {
                    throw new Refusal(Refusal.Reason.BAD_INPUT, "a callback needs its outcome");
                }
                a.put(OUTCOME, in.outcome().name());
                a.put(REACHED, Boolean.toString(in.outcome().reached()));
            }
            default -> { }
        }
        Instant now = scheduler.clock().instant();
        Instant last = o.lastStageAt();
        if (now.isBefore(last)) {
            throw new Refusal(Refusal.Reason.CLOCK_BEHIND, "the clock reads " + now + ", before the order's last stage at "
                    + last + " (clock stepped back?): nothing recorded, try again");
        }
        if (!now.isAfter(last)) {
            throw new Refusal(Refusal.Reason.SAME_TIME_AS_PREVIOUS, "two stages cannot have the same time");
        }
        WorkOrder.Due due = deadlines.due(o);
        if (due != null && due.stage() == stage) {
            // the deadline fires (late) at its instant, so only before it is on time
            a.put(ON_TIME, Boolean.toString(now.isBefore(due.at())));
        }
        if (!in.note().isEmpty()) {
            a.put(NOTE_TEXT, in.note());
        }
        boolean wasLate = o.lateDue != null;
        append(now, stage.eventType(), by.callId(), by, a);
        if (by.role() == ActorRole.CREW && by.via() == Via.PHONE && crewFailures > 0) {
            crewFailures = 0;
            alarms.accept(new Alarm(CREW_ALARM, Alarm.Severity.CLEARED, "a crew reported by phone again", Map.of()));
        }
        if (wasLate && o.lateDue == null) {
            alarms.accept(new Alarm(alarmCode(o), Alarm.Severity.CLEARED, "work order " + o.number + ": "
                    + stage + " entered (late)", Map.of()));
        }
        arm(o);
        return o.view(deadlines);
    }

    /** A correction of an earlier event ({@code ref}, its sequence number): a new event, the old one stays. */
    public synchronized void correct(String number, long ref, String text, Actor by, String submission) {
        if (retried(submission, number, null).isPresent()) {
            return;
        }
        OrderRecord o = order(number);
        if (o.stages.stream().noneMatch(s -> s.seq() == ref) || text == null || text.isBlank()) {
            throw new Refusal(Refusal.Reason.BAD_INPUT, "a correction names a stage of order " + number + " and says what");
        }
        Map<String, String> a = base(number, o.kind, by, submission);
        a.put(REF, Long.toString(ref));
        a.put(NOTE_TEXT, text.strip());
        append(scheduler.clock().instant(), NOTE, by.callId(), by, a);
    }

    /** The order {@code number}, if any. */
    public synchronized Optional<WorkOrder> find(String number) {
        OrderRecord o = p.orders.get(number);
        return o == null ? Optional.empty() : Optional.of(o.view(deadlines));
    }

    /** Orders matching {@code filter}, newest first. */
    public synchronized List<WorkOrder> search(Predicate<WorkOrder> filter) {
        return p.orders.values().stream().map(o -> o.view(deadlines)).filter(filter)
                .sorted(Comparator.comparing(WorkOrder::acceptedAt).reversed()).toList();
    }

    /**
     * The callback list: open orders whose next deadline is a call to the customer (completed
     * repairs, complaints due for feedback, answered inquiries), earliest deadline first.
     */
    public synchronized List<WorkOrder> callbacksDue() {
        return p.orders.values().stream().map(o -> o.view(deadlines))
                .filter(w -> w.due() != null && w.due().stage() == Stage.CALLBACK
                        && (w.status() != OrderStatus.ASSIGNED))
                .sorted(Comparator.comparing((WorkOrder w) -> w.due().at())).toList();
    }

    /**
     * The figures of the interval [{@code from}, {@code to}) and the state now, for the central
     * office ({@code figures} message); {@code voicemails} is the inbox's list of the moment.
     */
    public synchronized WorkOrderFigures figures(Instant from, Instant to, List<VoicemailInbox.Message> voicemails) {
        List<WorkOrder> all = p.orders.values().stream().map(o -> o.view(deadlines)).toList();
        return WorkOrderFigures.of(all, from, to, callbacksDue().size(), voicemails);
    }

    /**
     * A crew call failed three times (wrong PIN, unknown order) and went to an agent: journaled as
     * {@code workorder.crew.failed} and raised as the alarm {@code WORKORDER_CREW_IVR}, cleared by
     * the next stage a crew reports by phone.
     */
    public synchronized void crewCallFailed(String callId, String callingNumber, String crew) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(CALLER, callingNumber == null ? "" : callingNumber);
        a.put(CREW, crew == null ? "" : crew);
        JournalEvent e = JournalEvent.of(scheduler.clock().instant(), CREW_FAILED, callId, null, null, a);
        journal.applyAsLong(e);
        crewFailures++;
        alarms.accept(new Alarm(CREW_ALARM, Alarm.Severity.MINOR, crewFailures + " crew call(s) failed at the crew IVR"
                + " (wrong PIN or unknown order), the last from " + (callingNumber == null ? "?" : callingNumber),
                Map.of("calls", crewFailures)));
    }

    /** Journals that {@code by} set the PIN of {@code crew} (the PIN itself is never journaled). */
    public synchronized void crewPinSet(String crew, Actor by) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(CREW, crew);
        a.put(BY, by.id());
        a.put(ROLE, by.role().name());
        journal.applyAsLong(JournalEvent.of(scheduler.clock().instant(), CREW_PIN_SET, null, by.id(), null, a));
    }

    /** Whether {@code number} is a known order (for the crew IVR). */
    public synchronized boolean exists(String number) {
        return p.orders.containsKey(number);
    }

    /** The configured work-order settings. */
    public BoxConfig.WorkOrders config() {
        return config;
    }

    // --- handovers (ShiftHandovers builds on these under the same lock) ---

    synchronized WorkOrderProjection projection() {
        return p;
    }

    synchronized void appendHandoverEvent(String type, Actor by, Map<String, String> attrs) {
        append(scheduler.clock().instant(), type, null, by, new LinkedHashMap<>(attrs));
    }

    synchronized WorkOrder view(OrderRecord o) {
        return o.view(deadlines);
    }

    private String append(Instant at, String type, String callId, Actor by, Map<String, String> attrs) {
        JournalEvent e = JournalEvent.of(at, type, callId == null || callId.isEmpty() ? null : callId,
                by.role() == ActorRole.CREW ? null : by.id(), null, attrs);
        p.apply(e.withSeq(journal.applyAsLong(e)));
        return attrs.get(ORDER);
    }

    private Map<String, String> base(String number, OrderKind kind, Actor by, String submission) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(ORDER, number);
        a.put(KIND, kind.name());
        a.put(BY, by.id());
        a.put(ROLE, by.role().name());
        a.put(VIA, by.via().name());
        if (submission != null && !submission.isBlank()) {
            a.put(SUBMISSION, submission);
        }
        return a;
    }

    private Optional<WorkOrder> retried(String submission, String number, Stage stage) {
        if (submission == null || submission.isBlank()) {
            return Optional.empty();
        }
        String seen = p.submissions.get(submission);
        if (seen == null) {
            return Optional.empty();
        }
        String seenOrder = seen.substring(0, seen.indexOf('/'));
        boolean same = stage == Stage.ACCEPT
                ? seen.endsWith("/" + Stage.ACCEPT.eventType())
                : seenOrder.equals(number) && (stage == null || seen.endsWith("/" + stage.eventType()));
        if (!same) {
            throw new Refusal(Refusal.Reason.DUPLICATE_SUBMISSION_DIFFERS, "submission " + submission
                    + " was already used for " + seen);
        }
        OrderRecord o = p.orders.get(seenOrder);
        return o == null ? Optional.empty() : Optional.of(o.view(deadlines));
    }

    private OrderRecord order(String number) {
        OrderRecord o = p.orders.get(number);
        if (o == null) {
            throw new Refusal(Refusal.Reason.UNKNOWN_ORDER, "no work order " + number);
        }
        return o;
    }

    private static void entitled(Stage stage, Actor by) {
        if (!stage.entitled(by.role())) {
            throw new Refusal(Refusal.Reason.NOT_ENTITLED, "a " + by.role() + " may not enter " + stage);
        }
    }

    private void arm(OrderRecord o) {
        Scheduler.Timer old = timers.remove(o.number);
        if (old != null) {
            old.cancel();
        }
        WorkOrder.Due due = o.status.open() ? deadlines.due(o) : null;
        if (due == null || due.equals(o.lateDue)) {
            return;
        }
        Duration in = Duration.between(scheduler.clock().instant(), due.at());
        timers.put(o.number, scheduler.schedule(in.isNegative() ? Duration.ZERO : in, () -> fire(o.number, due)));
    }

    private synchronized void fire(String number, WorkOrder.Due due) {
        OrderRecord o = p.orders.get(number);
        if (o == null || !o.status.open() || !due.equals(deadlines.due(o)) || due.equals(o.lateDue)) {
            return;
        }
        Instant now = scheduler.clock().instant();
        String lead = rota.onDuty(now).map(ShiftRota.OnDuty::lead).orElse("");
        Map<String, String> a = new LinkedHashMap<>();
        a.put(ORDER, number);
        a.put(KIND, o.kind.name());
        a.put(STAGE, due.stage().name());
        a.put(DUE, due.at().toString());
        a.put(LEAD, lead);
        JournalEvent e = JournalEvent.of(now, LATE, null, lead.isEmpty() ? null : lead, null, a);
        p.apply(e.withSeq(journal.applyAsLong(e)));
        log.warn("work order {}: {} late (due {}), escalated to lead {}", number, due.stage(), due.at(), lead);
        raiseLate(o);
    }

    private void raiseLate(OrderRecord o) {
        alarms.accept(new Alarm(alarmCode(o), Alarm.Severity.MAJOR, "work order " + o.number + " (" + o.kind + "): "
                + o.lateDue.stage() + " late since " + o.lateDue.at(),
                Map.of("order", o.number, "stage", o.lateDue.stage().name(), "due", o.lateDue.at().toString())));
    }

    private static String alarmCode(OrderRecord o) {
        return "WORKORDER_LATE_" + o.number;
    }
}
