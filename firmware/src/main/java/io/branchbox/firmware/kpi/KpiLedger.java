package io.branchbox.firmware.kpi;

import static io.branchbox.firmware.kpi.Count.*;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.CallEvents.*;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.stats.AgentPart;
import io.branchbox.firmware.stats.AgentPeriods;
import io.branchbox.firmware.stats.CallOutcome;
import io.branchbox.firmware.stats.CallTracker;
import io.branchbox.firmware.stats.StatePeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Folds the journal into day books: for every local day, the {@link Counts} of the whole branch
 * and of each agent, queue and shift; and the day's ended inbound calls ({@link CallLine}) for
 * drill-down. Feed it every event in journal order from the first; what counts when is written in
 * {@link Count} and docs/KPIS.md, what a call is in {@code stats.CallOutcome}.
 *
 * <p>A restart ({@link KpiEvents#BOX_STARTED}) ends every open call and agent state at the last
 * event before it, so the time the box was off is never talk or ready time.
 *
 * <p>Threading: all methods are synchronized; {@link #accept} is quick (no I/O), so the ledger may
 * be a journal listener on {@code journal-writer}. Never fed on {@code signalling}.
 */
public final class KpiLedger implements Consumer<JournalEvent> {
    static final long SHORT_ABANDON_MS = 5_000;
    static final long ANSWER_SPEED_MS = 3_000;
    static final long RESPONSE_MS_TARGET = 8_000;
    static final long VALID_RATING_MIN_TALK_MS = 10_000;

    /** What the ledger knows of an open call beyond the tracker. */
    private static final class Side {
        final List<String> agents = new ArrayList<>();
        final Map<String, Instant> offers = new HashMap<>();
        final Set<String> fast = new HashSet<>();
        String ratingAgent;
        /** The calling number of {@code call.started}: the calls list is searched by it. */
        String calling;
    }

    private final KpiSettings settings;
    private final Shifts shifts;
    private final int keepCallDays;
    private final TreeMap<LocalDate, Map<Group, Counts>> days = new TreeMap<>();
    private final TreeMap<LocalDate, List<CallLine>> lines = new TreeMap<>();
    private final AgentPeriods periods = new AgentPeriods();
    private final WorkOrderClock orders = new WorkOrderClock();
    private final Map<String, Side> sides = new HashMap<>();
    private final Map<String, Boolean> lastPartInbound = new HashMap<>();
    private final Set<String> scoredCalls = new HashSet<>();
    private final CallTracker tracker = new CallTracker(new CallTracker.Listener() {
        @Override
        public void partEnded(AgentPart p) {
            KpiLedger.this.partEnded(p);
        }

        @Override
        public void callEnded(CallOutcome c) {
            KpiLedger.this.callEnded(c);
        }
    });
    /** The call.ended being folded while the tracker reports its outcome; null otherwise. */
    private Ended ending;
    private Instant lastAt;
    private long lastSeq;
    /** {@link #book}'s last day and its books (a day's map, once made, stays in {@link #days}). */
    private LocalDate lastBookDay;
    private Map<Group, Counts> lastBooks;

    /** @param keepCallDays how many recent days keep their call lines for drill-down (memory: ~150 bytes a call) */
    public KpiLedger(KpiSettings settings, int keepCallDays) {
        this.settings = settings;
        this.shifts = new Shifts(settings.zone(), settings.shifts(), settings.holidays(), settings.workdays());
        this.keepCallDays = keepCallDays;
    }

    public KpiSettings settings() {
        return settings;
    }

    public Shifts shifts() {
        return shifts;
    }

    @Override
    public void accept(JournalEvent e) {
        accept(e, decode(e));
    }

    /**
     * What the fold makes of {@code e}: its call event, or {@link Decoded#NOT_A_CALL_EVENT} for a
     * type the ledger {@link #ignores} (which may come bare). Stateless: a reader may decode on
     * another thread and hand both to {@link #accept(JournalEvent, Decoded)}.
     */
    public static Decoded decode(JournalEvent e) {
        return IGNORED.test(e.type()) ? Decoded.NOT_A_CALL_EVENT : CallEventCodec.decode(e);
    }

    /** {@link #accept(JournalEvent)} with the event already decoded by {@link #decode}. */
    public synchronized void accept(JournalEvent e, Decoded d) {
        if (e.seq() != JournalEvent.UNASSIGNED) {
            if (e.seq() <= lastSeq) {
                return; // seen already (a replay overlapping the live feed)
            }
            lastSeq = e.seq();
        }
        if (KpiEvents.BOX_STARTED.equals(e.type())) {
            restarted();
        }
        lastAt = lastAt == null || e.at().isAfter(lastAt) ? e.at() : lastAt;
        before(d, e.at());
        ending = d instanceof Ended end ? end : null;
        tracker.accept(d, e.at());
        ending = null;
        StatePeriod p = periods.accept(d, e.at());
        if (p != null) {
            agentTime(p);
        }
        after(e, d);
    }

    /**
     * Whether the ledger looks at nothing of an event of this type but its time and order: the
     * IVR's steps, recordings, wrap-up notes and monitoring (about 40 % of a busy journal). A cold
     * read ({@link DataDirKpis}) has them decoded bare. A type read anywhere in the fold (here,
     * {@code stats.CallTracker}, {@code stats.AgentPeriods}, {@link WorkOrderClock}) must not be listed.
     */
    public static boolean ignores(String type) {
        return IGNORED.test(type);
    }

    private static final Predicate<String> IGNORED = CallEventCodec.typeIsOneOf(
            Ivr.class, WrappedUp.class, Monitored.class, RecordingFinished.class, RecordingFailed.class);

    /** The last sequence number taken (0 before any). */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** The time of the latest event taken, null before any. */
    public synchronized Instant lastEventAt() {
        return lastAt;
    }

    /**
     * Copies of the day books from {@code from} to {@code to} (inclusive), with the agent states
     * still running counted up to {@code until} and the work orders whose deadline passed by then
     * decided. Days after {@code until}'s day are empty.
     */
    public synchronized TreeMap<LocalDate, Map<Group, Counts>> days(LocalDate from, LocalDate to, Instant until) {
        if (lastAt != null && !until.isBefore(lastAt)) {
            orders.advance(until, this::decided);
        }
        TreeMap<LocalDate, Map<Group, Counts>> out = new TreeMap<>();
        days.subMap(from, true, to, true).forEach((d, groups) -> out.put(d, copy(groups)));
        for (StatePeriod open : periods.openUntil(until)) {
            agentTime(open, out, from, to);
        }
        return out;
    }

    /** Every day with anything counted, oldest first. */
    public synchronized List<LocalDate> dayList() {
        return List.copyOf(days.keySet());
    }

    /** The ended inbound calls of the days from {@code from} to {@code to} still kept, oldest first. */
    public synchronized List<CallLine> calls(LocalDate from, LocalDate to) {
        List<CallLine> out = new ArrayList<>();
        lines.subMap(from, true, to, true).values().forEach(out::addAll);
        return out;
    }

    private void restarted() {
        if (lastAt == null) {
            return;
        }
        tracker.endAll(lastAt);
        sides.clear();
        for (StatePeriod p : periods.endAll(lastAt)) {
            agentTime(p);
        }
    }

    /** Notes what the tracker does not keep: offers per agent, who talked, who was rated. */
    private void before(Decoded d, Instant at) {
        switch (d) {
            case Started e -> sides.computeIfAbsent(e.callId(), k -> new Side()).calling = e.calling();
            case Queued e -> sides.computeIfAbsent(e.callId(), k -> new Side());
            case Offered e -> side(e.callId(), s -> s.offers.put(String.valueOf(e.agentId()), at));
            case Connected e -> side(e.callId(), s -> {
                if (e.agentId() != null && !s.agents.contains(e.agentId())) {
                    s.agents.add(e.agentId());
                    Instant offer = s.offers.get(e.agentId());
                    if (offer != null && Duration.between(offer, at).toMillis() <= ANSWER_SPEED_MS) {
                        s.fast.add(e.agentId());
                    }
                }
            });
            case Surveyed e -> side(e.callId(), s -> s.ratingAgent = e.agentId());
            default -> { }
        }
    }

    private void side(String callId, Consumer<Side> f) {
        Side s = sides.get(callId);
        if (s != null) {
            f.accept(s);
        }
    }

    /** Counts events that are not calls' or agents' time. */
    private void after(JournalEvent e, Decoded d) {
        String type = e.type();
        boolean counted = d instanceof OfferMissed || d instanceof CallEvents.Attempt
                || type.startsWith(KpiEvents.QA_PREFIX) || type.startsWith(KpiEvents.WORKORDER_PREFIX);
        if (!counted) {
            return; // most events: the day and shift lookups below cost more than the rest of the fold
        }
        LocalDate day = shifts.day(e.at());
        Group shift = Group.shift(shifts.shift(e.at()));
        if (d instanceof OfferMissed m) {
            add(day, MISSED_OFFERS, 1, Group.ALL, shift, m.agentId() == null ? null : Group.agent(m.agentId()),
                    m.queue() == null ? null : Group.queue(m.queue()));
        } else if (d instanceof CallEvents.Attempt a) {
            if (a.outcome() != AttemptOutcome.ANSWERED && a.outcome() != AttemptOutcome.CANCELLED) {
                add(day, FAILED_ATTEMPTS, 1, Group.ALL, shift);
                book(day, Group.ALL).failed("out:" + a.cause());
                book(day, shift).failed("out:" + a.cause());
            }
        } else if (type.startsWith(KpiEvents.QA_PREFIX)) {
            add(day, QA_EVENTS, 1, Group.ALL);
            // a call counts once however often it is scored (a resubmitted or changed score)
            if (KpiEvents.QA_SCORED.equals(type) && e.callId() != null && scoredCalls.add(e.callId())) {
                add(day, QA_SCORED, 1, Group.ALL, shift, e.agentId() == null ? null : Group.agent(e.agentId()));
            }
        } else if (type.startsWith(KpiEvents.WORKORDER_PREFIX)) {
            add(day, WORKORDER_EVENTS, 1, Group.ALL);
            orders.accept(e, this::decided);
        }
    }

    private void decided(WorkOrderClock.Decided d) {
        LocalDate day = shifts.day(d.at());
        Group[] groups = {Group.ALL, Group.shift(shifts.shift(d.at())), d.agent() == null ? null : Group.agent(d.agent())};
        if (d.repair()) {
            add(day, REPAIR_DUE, 1, groups);
            add(day, REPAIR_CALLED_BACK, d.onTime() ? 1 : 0, groups);
            add(day, REPAIR_REACHED, d.reached() ? 1 : 0, groups);
        } else {
            add(day, COMPLAINTS_DUE, 1, groups);
            add(day, COMPLAINTS_ON_TIME, d.onTime() ? 1 : 0, groups);
        }
    }

    private void partEnded(AgentPart p) {
        boolean queueCall = p.inbound() && p.queue() != null && !p.agentId().isEmpty();
        lastPartInbound.put(p.agentId(), queueCall);
        if (!queueCall) {
            return;
        }
        Counts c = book(shifts.day(p.endedAt()), Group.agent(p.agentId()));
        c.add(HANDLED, 1);
        c.add(TALK_MS, p.talkMs());
        c.add(HOLD_MS, p.holdMs());
        c.add(HOLDS, p.holds());
        Side s = sides.get(p.callId());
        c.add(ANSWERED_WITHIN_3S, s != null && s.fast.contains(p.agentId()) ? 1 : 0);
    }

    private void callEnded(CallOutcome c) {
        Side side = sides.remove(c.callId());
        if (!c.inbound()) {
            return;
        }
        LocalDate day = shifts.day(c.endedAt());
        String shiftName = shifts.shift(c.queuedAt() != null ? c.queuedAt() : c.startedAt());
        Group shift = Group.shift(shiftName);
        Group queue = c.offered() ? Group.queue(c.firstQueue()) : null;
        EnumSet<Count> flags = EnumSet.of(INBOUND);
        long talk = Math.max(0, c.handleMs() - c.holdMs());
        if (c.offered()) {
            flags.add(OFFERED);
            boolean shortAbandon = c.abandoned() && c.timeToAbandonMs() < SHORT_ABANDON_MS;
            if (shortAbandon) {
                flags.add(SHORT_ABANDONED);
            } else {
                flags.add(ASKED);
            }
            if (c.abandoned() && !shortAbandon) {
                flags.add(ABANDONED);
                add(day, ABANDON_MS, c.timeToAbandonMs(), Group.ALL, shift, queue);
            } else if (c.flowedOut()) {
                flags.add(FLOWED_OUT);
            } else if (c.answered()) {
                flags.add(HANDLED);
                long asa = c.speedOfAnswerMs();
                long response = ms(c.startedAt(), c.answeredAt());
                if (asa <= settings.serviceLevelS() * 1000L) {
                    flags.add(ANSWERED_IN_SL);
                }
                if (c.offeredAt() != null && ms(c.offeredAt(), c.answeredAt()) <= ANSWER_SPEED_MS) {
                    flags.add(ANSWERED_WITHIN_3S);
                }
                if (response <= RESPONSE_MS_TARGET) {
                    flags.add(RESPONSE_WITHIN_8S);
                }
                add(day, ASA_MS, asa, Group.ALL, shift, queue);
                add(day, RESPONSE_MS, response, Group.ALL, shift, queue);
                add(day, TALK_MS, talk, Group.ALL, shift, queue);
                add(day, HOLD_MS, c.holdMs(), Group.ALL, shift, queue);
                add(day, HOLDS, c.holds(), Group.ALL, shift, queue);
                add(day, TRANSFERS, c.transfers(), Group.ALL, shift, queue);
                rating(c, talk, flags);
            }
        }
        if (ending != null && ending.disposition() == Disposition.FAILED && !c.offered()) {
            flags.add(FAILED_INBOUND);
            book(day, Group.ALL).failed("in:" + ending.cause());
            book(day, shift).failed("in:" + ending.cause());
        }
        for (Count f : flags) {
            if (!f.derived()) {
                add(day, f, 1, Group.ALL, shift, queue);
            }
        }
        Group rater = side == null || side.ratingAgent == null ? null : Group.agent(side.ratingAgent);
        if (rater != null && flags.contains(RATED)) {
            Counts r = book(day, rater);
            r.add(RATED, 1);
            r.add(VALID_RATED, flags.contains(VALID_RATED) ? 1 : 0);
            r.add(SATISFIED, flags.contains(SATISFIED) ? 1 : 0);
        }
        List<String> agents = side == null ? List.of() : side.agents;
        lines.computeIfAbsent(day, d -> new ArrayList<>()).add(new CallLine(c.callId(), day, shiftName, c.startedAt(),
                c.endedAt(), c.firstQueue() == null ? "" : c.firstQueue(), agents, flags,
                flags.contains(HANDLED) ? c.speedOfAnswerMs() : 0, flags.contains(HANDLED) ? ms(c.startedAt(), c.answeredAt()) : 0,
                c.handleMs(), c.rating() == null ? 0 : c.rating(), side == null ? "" : side.calling));
        while (lines.size() > keepCallDays) {
            lines.pollFirstEntry();
        }
    }

    private static void rating(CallOutcome c, long talk, EnumSet<Count> flags) {
        if (c.rating() == null) {
            return;
        }
        flags.add(RATED);
        if (c.rating() >= 1 && c.rating() <= 3 && talk >= VALID_RATING_MIN_TALK_MS) {
            flags.add(VALID_RATED);
            if (c.rating() == 1) {
                flags.add(SATISFIED);
            }
        }
    }

    private void agentTime(StatePeriod p) {
        agentTime(p, days, LocalDate.MIN, LocalDate.MAX);
    }

    /** Adds an agent's state period to the books, cut by day and shift. */
    private void agentTime(StatePeriod p, TreeMap<LocalDate, Map<Group, Counts>> into, LocalDate from, LocalDate to) {
        if ("LOGGED_OUT".equals(p.state())) {
            return;
        }
        boolean wrapOfQueueCall = "WRAP_UP".equals(p.state()) && lastPartInbound.getOrDefault(p.agentId(), false);
        shifts.cut(p.from(), p.to(), piece -> {
            if (piece.day().isBefore(from) || piece.day().isAfter(to)) {
                return;
            }
            Map<Group, Counts> day = into.computeIfAbsent(piece.day(), d -> new HashMap<>());
            for (Group g : new Group[] {Group.ALL, Group.agent(p.agentId()), Group.shift(piece.shift())}) {
                Counts c = day.computeIfAbsent(g, k -> new Counts());
                long ms = piece.ms();
                c.add(LOGGED_IN_MS, ms);
                switch (p.state()) {
                    case "READY", "OFFERED" -> c.add(STAFFED_MS, ms);
                    case "ON_CALL" -> {
                        c.add(STAFFED_MS, ms);
                        c.add(BUSY_MS, ms);
                    }
                    case "WRAP_UP" -> {
                        c.add(STAFFED_MS, ms);
                        c.add(BUSY_MS, ms);
                        c.add(WRAP_UP_MS, wrapOfQueueCall ? ms : 0);
                    }
                    case "NOT_READY" -> c.notReady(p.reasonCode().isEmpty() ? "none" : p.reasonCode(), ms);
                    default -> { }
                }
            }
        });
    }

    private void add(LocalDate day, Count c, long n, Group... groups) {
        for (Group g : groups) {
            if (g != null) {
                book(day, g).add(c, n);
            }
        }
    }

    private Counts book(LocalDate day, Group g) {
        // the day of the last booking first: a call adds to its day's books some thirty times
        Map<Group, Counts> books = day.equals(lastBookDay) ? lastBooks : null;
        if (books == null) {
            books = days.computeIfAbsent(day, d -> new HashMap<>());
            lastBookDay = day;
            lastBooks = books;
        }
        return books.computeIfAbsent(g, k -> new Counts());
    }

    private static Map<Group, Counts> copy(Map<Group, Counts> groups) {
        Map<Group, Counts> out = new HashMap<>();
        groups.forEach((g, c) -> out.put(g, c.copy()));
        return out;
    }

    private static long ms(Instant a, Instant b) {
        return a == null || b == null ? 0 : Math.max(0, Duration.between(a, b).toMillis());
    }
}
