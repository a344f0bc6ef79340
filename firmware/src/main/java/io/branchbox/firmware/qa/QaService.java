package io.branchbox.firmware.qa;

import static io.branchbox.firmware.qa.QaException.Kind.CONFLICT;
import static io.branchbox.firmware.qa.QaException.Kind.FORBIDDEN;
import static io.branchbox.firmware.qa.QaException.Kind.INVALID;
import static io.branchbox.firmware.qa.QaException.Kind.NOT_FOUND;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ShiftCalendar;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.qa.form.FactoryForms;
import io.branchbox.firmware.qa.form.Scoring;
import io.branchbox.firmware.qa.form.ScoringForm;
import io.branchbox.firmware.qa.report.QaReports;
import io.branchbox.firmware.qa.sample.SamplePlanner;
import io.branchbox.firmware.qa.signal.CallSignals;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Quality monitoring's commands: define forms, draw sample plans, score, sign off. Each command
 * checks its input against the book, journals its event (the journal is the truth) and applies
 * it to the {@link QaBook} at once so the next request sees it.
 *
 * <p>Who may do what is the web admin's business (permissions); this class enforces what only it
 * can know: an agent acknowledges or disputes only their own result, a score is recorded once
 * per client id and once per call, a change follows a dispute.
 *
 * <p>Threading: commands are synchronized (web requests, the signal worker); they block on
 * nothing but the journal's in-memory append and the {@link CallSource} (database).
 */
public final class QaService {
    private final EventJournal journal;
    private final QaBook book;
    private final CallSource calls;
    private final Clock clock;
    private volatile BoxConfig.Qa settings;
    private volatile ShiftCalendar shifts;

    public QaService(EventJournal journal, QaBook book, CallSource calls, Clock clock, BoxConfig config) {
        this.journal = journal;
        this.book = book;
        this.calls = calls;
        this.clock = clock;
        setConfig(config);
    }

    /** Replays the journal into {@code book}, follows it, and defines the factory form on a new box. */
    public static QaService start(EventJournal journal, CallSource calls, Clock clock, BoxConfig config)
            throws IOException {
        QaBook book = new QaBook();
        journal.replay(book);
        journal.addListener(book);
        QaService s = new QaService(journal, book, calls, clock, config);
        if (book.latestForms().isEmpty()) {
            s.defineForm(FactoryForms.hotline(), QaEventTypes.SYSTEM);
        }
        return s;
    }

    /** A new configuration (shifts, QA rules); applies from the next draw. */
    public void setConfig(BoxConfig config) {
        settings = config.qa();
        shifts = ShiftCalendar.of(config);
    }

    public QaBook book() {
        return book;
    }

    public ShiftCalendar shifts() {
        return shifts;
    }

    public BoxConfig.Qa settings() {
        return settings;
    }

    /** Journals {@code form} as the next version of its id (its own version number is ignored). */
    public synchronized ScoringForm defineForm(ScoringForm form, String by) {
        int next = book.latestForm(form.id()).map(f -> f.version() + 1).orElse(1);
        ScoringForm f = form.withVersion(next);
        append(QaEventTypes.FORM_DEFINED, null, null, Map.of(
                QaEventTypes.FORM_ID, f.id(), QaEventTypes.FORM_VERSION, Integer.toString(next),
                QaEventTypes.FORM, QaCodec.formJson(f), QaEventTypes.BY, by));
        return f;
    }

    /** The agent-answered calls answered in [from, to) (the call list). */
    public List<CallFacts> answered(Instant from, Instant to) {
        return calls.answered(from, to);
    }

    /** The agent-answered calls of {@code month}. */
    public List<CallFacts> answeredIn(YearMonth month) {
        return calls.answered(monthStart(month), monthStart(month.plusMonths(1)));
    }

    /**
     * Draws what {@code month}'s plan still needs (quotas, targets, the share of calls, and
     * replacements for lost samples) and journals each sample. Reproducible: the seed is the
     * month's, so the same calls draw the same samples. Returns the new samples.
     */
    public synchronized List<Sample> draw(YearMonth month, List<SamplePlanner.Target> targets, String by) {
        String plan = month.toString();
        long seed = seedOf(month);
        SamplePlanner planner = new SamplePlanner(shifts, new SamplePlanner.Rules(settings.samplePercent(),
                settings.minPerAgentShift(), settings.minPerAgentMonth(), Duration.ofSeconds(settings.longCallS())));
        List<SamplePlanner.Draw> draws = planner.draw(answeredIn(month), book.samples(plan), targets, seed);
        List<Sample> out = new ArrayList<>();
        for (SamplePlanner.Draw d : draws) {
            Map<String, String> a = new HashMap<>(Map.of(QaEventTypes.PLAN, plan, QaEventTypes.SHIFT, d.shift().key(),
                    QaEventTypes.REASON, d.reason().name(), QaEventTypes.SEED, Long.toString(seed), QaEventTypes.BY, by));
            if (d.replaces() != null) {
                a.put(QaEventTypes.REPLACES, d.replaces());
            }
            append(QaEventTypes.SAMPLED, d.call().callId(), d.call().agentId(), a);
            book.sample(d.call().callId()).ifPresent(out::add);
        }
        return out;
    }

    /** The seed of a month's plan: the month itself, so anybody can draw it again. */
    public static long seedOf(YearMonth month) {
        return month.getYear() * 100L + month.getMonthValue();
    }

    /**
     * Marks the unscored samples of {@code month} whose recording {@code gone} says was deleted
     * as lost (journaled), then draws their replacements. Returns the calls marked lost.
     */
    public synchronized List<String> markLost(YearMonth month, Predicate<String> gone) {
        List<String> lost = new ArrayList<>();
        for (Sample s : book.samples(month.toString())) {
            if (!s.lost() && book.result(s.callId()).isEmpty() && gone.test(s.callId())) {
                append(QaEventTypes.SAMPLE_LOST, s.callId(), s.agentId(),
                        Map.of(QaEventTypes.PLAN, s.plan(), QaEventTypes.BY, QaEventTypes.SYSTEM));
                lost.add(s.callId());
            }
        }
        if (!lost.isEmpty()) {
            draw(month, List.of(), QaEventTypes.SYSTEM);
        }
        return lost;
    }

    /** An inspector picks a call by hand (from the call list, or while listening live). */
    public synchronized Sample sampleManually(String callId, String by) {
        Optional<Sample> had = book.sample(callId);
        if (had.isPresent()) {
            return had.get();
        }
        CallFacts c = calls.call(callId).orElseThrow(() -> new QaException(NOT_FOUND, "no answered call " + callId));
        String shift = shifts.shiftOf(c.answeredAt()).map(ShiftCalendar.ShiftDay::key)
                .orElse(c.answeredAt().atZone(shifts.zone()).toLocalDate() + "/-");
        String plan = YearMonth.from(c.answeredAt().atZone(shifts.zone())).toString();
        append(QaEventTypes.SAMPLED, callId, c.agentId(), Map.of(QaEventTypes.PLAN, plan, QaEventTypes.SHIFT, shift,
                QaEventTypes.REASON, SampleReason.MANUAL.name(), QaEventTypes.SEED, "0", QaEventTypes.BY, by));
        return book.sample(callId).orElseThrow();
    }

    /**
     * Records a score. The same {@code scoreId} again returns the recorded score and journals
     * nothing; a second score of an already scored call is refused ({@link QaException.Kind#CONFLICT}).
     */
    public synchronized Score score(ScoreRequest r, String by) {
        Optional<Score> same = book.score(r.scoreId());
        if (same.isPresent()) {
            return same.get();
        }
        if (book.result(r.callId()).isPresent()) {
            throw new QaException(CONFLICT, "call " + r.callId() + " is already scored");
        }
        CallFacts c = calls.call(r.callId()).orElseThrow(() -> new QaException(NOT_FOUND, "no answered call " + r.callId()));
        Score s = build(r, c.agentId(), by, null);
        append(QaEventTypes.SCORED, c.callId(), c.agentId(), QaCodec.scoreAttrs(s));
        return book.score(s.scoreId()).orElseThrow();
    }

    /** The agent {@code agentId} accepts their result. */
    public synchronized QaResult acknowledge(String callId, String agentId, String comment) {
        return agentStep(callId, agentId, comment, QaEventTypes.ACKNOWLEDGED);
    }

    /** The agent {@code agentId} disputes their result; a comment is required. */
    public synchronized QaResult dispute(String callId, String agentId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new QaException(INVALID, "a dispute needs a comment");
        }
        return agentStep(callId, agentId, comment, QaEventTypes.DISPUTED);
    }

    /** The shift lead keeps a disputed score. */
    public synchronized QaResult confirm(String callId, String by, String comment) {
        QaResult r = disputed(callId);
        append(QaEventTypes.CONFIRMED, callId, r.agentId(), Map.of(QaEventTypes.SCORE_ID, r.current().scoreId(),
                QaEventTypes.COMMENT, clip(comment), QaEventTypes.BY, by));
        return book.result(callId).orElseThrow();
    }

    /** The shift lead changes a disputed score: a new score that replaces it (the old one stays in the journal). */
    public synchronized QaResult change(ScoreRequest r, String by) {
        if (book.score(r.scoreId()).isPresent()) {
            return book.result(r.callId()).orElseThrow();
        }
        QaResult old = disputed(r.callId());
        Score s = build(r, old.agentId(), by, old.current().scoreId());
        append(QaEventTypes.CHANGED, r.callId(), old.agentId(), QaCodec.scoreAttrs(s));
        return book.result(r.callId()).orElseThrow();
    }

    /** Journals a call's signals (the signal worker). */
    public synchronized void recordSignals(String callId, String agentId, CallSignals s) {
        append(QaEventTypes.SIGNALS, callId, agentId, Map.of(
                QaEventTypes.DURATION_MS, Long.toString(s.durationMs()),
                QaEventTypes.SILENCE_PCT, Double.toString(s.silencePct()),
                QaEventTypes.TALK_OVER_PCT, Double.toString(s.talkOverPct()),
                QaEventTypes.LONGEST_SILENCE_MS, Long.toString(s.longestSilenceMs()),
                QaEventTypes.AGENT_SHARE_PCT, Double.toString(s.agentSharePct()),
                QaEventTypes.BY, QaEventTypes.SYSTEM));
    }

    /**
     * Whether {@code callId}'s recording must outlive the recordings' retention: it was scored
     * less than {@code qa.keepDays} ago (the QA record keeps its evidence). From memory.
     */
    public boolean keepsRecording(String callId, Instant now) {
        return book.result(callId)
                .map(r -> r.first().at().plus(Duration.ofDays(settings.keepDays())).isAfter(now))
                .orElse(false);
    }

    /** The shift a call was answered in: its sample's, else from its answer time. */
    public Optional<ShiftCalendar.ShiftDay> shiftOf(String callId) {
        Optional<Sample> s = book.sample(callId);
        if (s.isPresent()) {
            return Optional.of(s.get().shift());
        }
        return calls.call(callId).flatMap(c -> shifts.shiftOf(c.answeredAt()));
    }

    /** The bulletins and monthly reports over this service's book and shifts. */
    public QaReports reports() {
        return new QaReports(book, shifts, this::shiftOf);
    }

    /** The month's QA completion, by the one definition ({@link QaCompletion}, docs/KPIS.md). */
    public QaCompletion completion(YearMonth month) {
        return QaCompletion.of(answeredIn(month).size(),
                QaCompletion.scoredIn(book.results(), monthStart(month), monthStart(month.plusMonths(1))));
    }

    private QaResult agentStep(String callId, String agentId, String comment, String type) {
        QaResult r = book.result(callId).orElseThrow(() -> new QaException(NOT_FOUND, "call " + callId + " has no result"));
        if (!r.agentId().equals(agentId)) {
            throw new QaException(FORBIDDEN, "the result of call " + callId + " is another agent's");
        }
        if (r.state() != SignOff.SCORED) {
            throw new QaException(CONFLICT, "the result is already " + r.state());
        }
        append(type, callId, agentId, Map.of(QaEventTypes.SCORE_ID, r.current().scoreId(),
                QaEventTypes.COMMENT, clip(comment), QaEventTypes.BY, agentId));
        return book.result(callId).orElseThrow();
    }

    private QaResult disputed(String callId) {
        QaResult r = book.result(callId).orElseThrow(() -> new QaException(NOT_FOUND, "call " + callId + " has no result"));
        if (r.state() != SignOff.DISPUTED) {
            throw new QaException(CONFLICT, "only a disputed result is confirmed or changed; this one is " + r.state());
        }
        return r;
    }

    private Score build(ScoreRequest r, String agentId, String by, String replaces) {
        ScoringForm form = (r.formVersion() == 0 ? book.latestForm(r.formId()) : book.form(r.formId(), r.formVersion()))
                .orElseThrow(() -> new QaException(INVALID, "no form " + r.formId() + " version " + r.formVersion()));
        List<String> problems = Scoring.problems(form, r.points(), r.fatal(), r.comment());
        if (!problems.isEmpty()) {
            throw new QaException(INVALID, String.join("; ", problems));
        }
        return new Score(r.scoreId(), r.callId(), agentId, form.id(), form.version(), r.points(), r.fatal(), r.marks(),
                Scoring.total(r.points(), r.fatal()), r.comment(), by, clock.instant(), r.live(), replaces);
    }

    private void append(String type, String callId, String agentId, Map<String, String> attrs) {
        JournalEvent e = JournalEvent.of(clock.instant(), type, callId, agentId, null, attrs);
        long seq = journal.append(e);
        book.accept(e.withSeq(seq));
    }

    private Instant monthStart(YearMonth m) {
        return m.atDay(1).atStartOfDay(shifts.zone()).toInstant();
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        if (s.length() > 2000) {
            throw new QaException(INVALID, "a comment is at most 2000 characters");
        }
        return s;
    }
}
