package io.branchbox.admin.qa;

import static io.branchbox.admin.qa.QaRequests.day;
import static io.branchbox.admin.qa.QaRequests.nz;
import static io.branchbox.admin.qa.QaRequests.parseMonth;
import static io.branchbox.admin.qa.QaRequests.run;

import io.branchbox.admin.console.ConsoleHandlers;
import io.branchbox.admin.http.JsonBodies;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.http.Paging;
import io.branchbox.firmware.qa.Mark;
import io.branchbox.firmware.qa.QaException;
import io.branchbox.firmware.qa.QaResult;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.qa.SampleReason;
import io.branchbox.firmware.qa.ScoreRequest;
import io.branchbox.firmware.qa.SignOff;
import io.branchbox.firmware.qa.form.FactoryForms;
import io.branchbox.firmware.qa.form.FormDraft;
import io.branchbox.firmware.qa.form.FormProblem;
import io.branchbox.firmware.qa.form.ScoringForm;
import io.branchbox.firmware.qa.sample.SamplePlanner;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /api/qa/...} routes. Each is declared with its permission in {@code AdminRoutes};
 * here: reading bodies and parameters, turning {@link QaException} into HTTP answers, and the one
 * rule a route cannot express: an agent reads and signs off only their own results (another
 * agent's is refused with 403 and logged).
 *
 * <p>Live listening is in {@link QaLiveHandlers} ({@link #live()}), the bulletin and monthly report
 * in {@link QaReportHandlers} ({@link #reports()}); all share one {@link QaRequests}.
 *
 * <p>Until {@link #attach} gives it the box's QA service, every route answers 503. Threading:
 * Jetty's request threads; the service is thread-safe.
 */
public final class QaHandlers {
    private static final Logger log = LoggerFactory.getLogger(QaHandlers.class);
    private static final int MAX_DAYS = 31;

    /** Who is asking: the web user and the console agent they act as. */
    public record Who(String username, String agentId) {}

    /** A score as the page sends it. */
    record ScoreBody(String scoreId, String callId, String formId, int formVersion, Map<String, Integer> points,
            List<String> fatal, List<Mark> marks, String comment, boolean live) {
        ScoreRequest request(String callIdFromPath) {
            return new ScoreRequest(scoreId == null ? "" : scoreId, callIdFromPath != null ? callIdFromPath : nz(callId),
                    nz(formId), formVersion, points, fatal == null ? Set.of() : Set.copyOf(fatal), marks, comment, live);
        }
    }

    record CommentBody(String comment) {}

    record TargetBody(String kind, String value, int count) {}

    record DrawBody(String month, List<TargetBody> targets) {}

    private final JsonBodies bodies;
    private final Function<Context, Who> who;
    private final Handler listen;
    private final QaRequests requests;
    private final QaLiveHandlers live;
    private final QaReportHandlers reports;

    /**
     * {@code listen}: the recordings' listen handler (logs each listen), or null on a box without
     * recordings; {@code console}: the agent console, for live listening (the supervisor listen).
     */
    public QaHandlers(JsonBodies bodies, Function<Context, Who> who, Handler listen, ConsoleHandlers console,
            Clock clock) {
        this.bodies = bodies;
        this.who = who;
        this.listen = listen;
        this.requests = new QaRequests(clock);
        this.live = new QaLiveHandlers(requests, who, console);
        this.reports = new QaReportHandlers(requests);
    }

    /** Connects the box's QA service (null: back to 503). */
    public void attach(QaService service) {
        requests.attach(service);
    }

    /** The live-listening routes (sharing this one's service and user). */
    public QaLiveHandlers live() {
        return live;
    }

    /** The bulletin and monthly report routes and downloads. */
    public QaReportHandlers reports() {
        return reports;
    }

    // ---- inspectors (QA_SCORE)

    /**
     * The month's plan: its samples as one page of the list envelope ({@code items}, {@code total},
     * {@code offset}, {@code limit}), with the completion and the quotas beside it.
     */
    public void plan(Context ctx) {
        ctx.json(QaViews.plan(qa(), requests.month(ctx)).page(Paging.of(ctx)));
    }

    public void draw(Context ctx) {
        DrawBody b = bodies.read(ctx, DrawBody.class);
        YearMonth m = parseMonth(b.month() == null ? YearMonth.now(requests.clock()).toString() : b.month());
        List<SamplePlanner.Target> targets = b.targets() == null ? List.of() : b.targets().stream().map(t -> {
            try {
                return new SamplePlanner.Target(SampleReason.valueOf(nz(t.kind())), t.value(), t.count());
            } catch (IllegalArgumentException e) {
                throw new HttpProblem(400, "target: " + e.getMessage());
            }
        }).toList();
        Paging paging = Paging.of(ctx);
        run(() -> qa().draw(m, targets, who.apply(ctx).username()));
        ctx.json(QaViews.plan(qa(), m).page(paging));
    }

    /**
     * Calls answered on days {@code from}..{@code to} (default today), with signals and QA state;
     * only those of {@code preset} ({@link CallPreset}, default all), sorted by {@code sort}
     * ({@link CallSort}, {@code desc=true} for descending), one page in the list envelope.
     */
    public void calls(Context ctx) {
        QaService s = qa();
        CallPreset preset = CallPreset.of(ctx.queryParam("preset"));
        LocalDate to = day(ctx, "to", requests.today());
        LocalDate from = day(ctx, "from", to);
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new HttpProblem(400, "'from' must be on or before 'to', at most " + MAX_DAYS + " days apart");
        }
        Comparator<QaViews.CallRow> order = CallSort.of(ctx.queryParam("sort")).order("true".equals(ctx.queryParam("desc")));
        Paging paging = Paging.of(ctx);
        ctx.json(paging.of(QaViews.calls(s, run(() -> s.answered(s.shifts().startOf(from), s.shifts().startOf(to.plusDays(1)))))
                .stream().filter(preset::matches).sorted(order).toList()));
    }

    public void sample(Context ctx) {
        ctx.json(run(() -> qa().sampleManually(ctx.pathParam("callId"), who.apply(ctx).username())));
    }

    /** The latest version of every scoring form, one page of the list envelope. */
    public void forms(Context ctx) {
        ctx.json(Paging.of(ctx).of(qa().book().latestForms()));
    }

    public void form(Context ctx) {
        int version;
        try {
            version = Integer.parseInt(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "version must be a number");
        }
        ctx.json(qa().book().form(ctx.pathParam("formId"), version)
                .orElseThrow(() -> new HttpProblem(404, "no such form version")));
    }

    public void score(Context ctx) {
        ScoreBody b = bodies.read(ctx, ScoreBody.class);
        ctx.json(run(() -> qa().score(b.request(null), who.apply(ctx).username())));
    }

    public void result(Context ctx) {
        ctx.json(qa().book().result(ctx.pathParam("callId")).orElseThrow(() -> new HttpProblem(404, "not scored")));
    }

    /** The recording, for scoring while listening (logged as a listen by the recordings backend). */
    public void audio(Context ctx) throws Exception {
        qa();
        if (listen == null) {
            throw new HttpProblem(404, "this box keeps no recordings");
        }
        listen.handle(ctx);
    }

    // ---- quality managers (QA_MANAGE)

    /**
     * Saves a form (the editor's, or an imported JSON) as the next version of its id. Checked
     * field by field first ({@link FormDraft#problems()}): with any problem nothing is saved and
     * the answer is 422 {@code {"error", "errors": [{path, code, args}]}} (as the configuration's),
     * so the editor shows each sentence beside its field. Who and when are the journal event's.
     */
    public void defineForm(Context ctx) {
        FormDraft draft = bodies.read(ctx, FormDraft.class);
        List<FormProblem> problems = draft.problems();
        if (!problems.isEmpty()) {
            ctx.status(422).json(Map.of("error", "the form has " + problems.size() + " problem(s)", "errors",
                    problems.stream().map(p -> Map.of("path", p.path(), "code", p.rule().key(), "args", p.args()))
                            .toList()));
            return;
        }
        String by = who.apply(ctx).username();
        ScoringForm saved = run(() -> qa().defineForm(draft.toForm(), by));
        log.info("QA: form {} saved as version {} by {}", saved.id(), saved.version(), by);
        ctx.status(201).json(saved);
    }

    /** Every version of a form with who saved it and when, newest first, one page of the list envelope. */
    public void formVersions(Context ctx) {
        ctx.json(Paging.of(ctx).of(qa().book().formVersions(ctx.pathParam("formId")).stream()
                .map(QaViews::formVersion).toList()));
    }

    /** The factory form (the 95598 hotline's), for the editor's "start from the factory form". */
    public void factoryForm(Context ctx) {
        qa();
        ctx.json(FactoryForms.hotline());
    }

    public void results(Context ctx) {
        YearMonth m = requests.month(ctx);
        QaService s = qa();
        ctx.json(s.book().results().stream()
                .filter(r -> s.shiftOf(r.callId()).filter(sd -> YearMonth.from(sd.day()).equals(m)).isPresent()).toList());
    }

    // ---- agents (QA_OWN_RESULTS)

    /** An agent's results: only their own; asking for another agent's is refused and logged. */
    public void agentResults(Context ctx) {
        Who w = who.apply(ctx);
        String asked = ctx.pathParam("agentId");
        if (!asked.equals(w.agentId())) {
            log.warn("QA: user {} (agent {}) asked for the results of agent {}: refused", w.username(), w.agentId(), asked);
            throw new HttpProblem(403, "you may read only your own QA results");
        }
        ctx.json(Paging.of(ctx).of(qa().book().resultsOf(asked).stream().map(r -> QaViews.result(qa(), r)).toList()));
    }

    public void acknowledge(Context ctx) {
        Who w = who.apply(ctx);
        CommentBody b = bodies.read(ctx, CommentBody.class);
        ctx.json(agentRun(ctx, w, () -> qa().acknowledge(ctx.pathParam("callId"), w.agentId(), b.comment())));
    }

    public void dispute(Context ctx) {
        Who w = who.apply(ctx);
        CommentBody b = bodies.read(ctx, CommentBody.class);
        ctx.json(agentRun(ctx, w, () -> qa().dispute(ctx.pathParam("callId"), w.agentId(), b.comment())));
    }

    // ---- shift leads (AGENTS_SUPERVISE)

    public void disputes(Context ctx) {
        ctx.json(Paging.of(ctx).of(qa().book().results().stream().filter(r -> r.state() == SignOff.DISPUTED)
                .map(r -> QaViews.result(qa(), r)).toList()));
    }

    public void confirm(Context ctx) {
        CommentBody b = bodies.read(ctx, CommentBody.class);
        ctx.json(run(() -> qa().confirm(ctx.pathParam("callId"), who.apply(ctx).username(), b.comment())));
    }

    public void change(Context ctx) {
        ScoreBody b = bodies.read(ctx, ScoreBody.class);
        ctx.json(run(() -> qa().change(b.request(ctx.pathParam("callId")), who.apply(ctx).username())));
    }

    /** The recording of a disputed call, for the shift lead's review (only while disputed). */
    public void disputeAudio(Context ctx) throws Exception {
        QaResult r = qa().book().result(ctx.pathParam("callId")).orElseThrow(() -> new HttpProblem(404, "not scored"));
        if (r.state() != SignOff.DISPUTED) {
            throw new HttpProblem(403, "only a disputed call's recording is open to the shift lead");
        }
        audio(ctx);
    }

    // ---- common

    /** Who the page acts as: the user and their console agent (whose results "mine" shows). */
    public void me(Context ctx) {
        Who w = who.apply(ctx);
        ctx.json(Map.of("username", w.username(), "agentId", w.agentId()));
    }

    private QaService qa() {
        return requests.service();
    }

    private <T> T agentRun(Context ctx, Who w, Supplier<T> action) {
        try {
            return action.get();
        } catch (QaException e) {
            if (e.kind() == QaException.Kind.FORBIDDEN) {
                log.warn("QA: user {} (agent {}) tried to sign off call {}: {}", w.username(), w.agentId(),
                        ctx.pathParam("callId"), e.getMessage());
            }
            throw QaRequests.problem(e);
        }
    }
}
