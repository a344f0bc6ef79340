package io.branchbox.admin.qa;

import io.branchbox.admin.console.ConsoleHandlers;
import io.branchbox.admin.http.JsonBodies;
import io.branchbox.admin.reports.KpiExport;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.firmware.console.AgentSummary;
import io.branchbox.firmware.console.MonitorMode;
import io.branchbox.firmware.qa.Mark;
import io.branchbox.firmware.qa.QaCodec;
import io.branchbox.firmware.qa.QaException;
import io.branchbox.firmware.qa.QaResult;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.qa.SampleReason;
import io.branchbox.firmware.qa.ScoreRequest;
import io.branchbox.firmware.qa.SignOff;
import io.branchbox.firmware.qa.form.ScoringForm;
import io.branchbox.firmware.qa.sample.SamplePlanner;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /api/qa/...} routes. Each is declared with its permission in {@code AdminRoutes};
 * here: reading bodies and parameters, turning {@link QaException} into HTTP answers, and the one
 * rule a route cannot express: an agent reads and signs off only their own results (another
 * agent's is refused with 403 and logged).
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

    /** A call being talked now, for live listening: the agent, their seat, the call and since when. */
    record LiveCall(String agentId, String name, int seat, String callId, Instant since) {}

    /** The live calls and the inspector's own seat (0: no seat, so no live listening). */
    record Live(String listenerId, int seat, List<LiveCall> calls) {}

    private final JsonBodies bodies;
    private final Function<Context, Who> who;
    private final Handler listen;
    private final ConsoleHandlers console;
    private final Clock clock;
    private volatile QaService qa;

    /**
     * {@code listen}: the recordings' listen handler (logs each listen), or null on a box without
     * recordings; {@code console}: the agent console, for live listening (the supervisor listen).
     */
    public QaHandlers(JsonBodies bodies, Function<Context, Who> who, Handler listen, ConsoleHandlers console,
            Clock clock) {
        this.bodies = bodies;
        this.who = who;
        this.listen = listen;
        this.console = console;
        this.clock = clock;
    }

    /** Connects the box's QA service (null: back to 503). */
    public void attach(QaService service) {
        this.qa = service;
    }

    // ---- inspectors (QA_SCORE)

    public void plan(Context ctx) {
        ctx.json(QaViews.plan(qa(), month(ctx)));
    }

    public void draw(Context ctx) {
        DrawBody b = bodies.read(ctx, DrawBody.class);
        YearMonth m = parseMonth(b.month() == null ? YearMonth.now(clock).toString() : b.month());
        List<SamplePlanner.Target> targets = b.targets() == null ? List.of() : b.targets().stream().map(t -> {
            try {
                return new SamplePlanner.Target(SampleReason.valueOf(nz(t.kind())), t.value(), t.count());
            } catch (IllegalArgumentException e) {
                throw new HttpProblem(400, "target: " + e.getMessage());
            }
        }).toList();
        run(() -> qa().draw(m, targets, who.apply(ctx).username()));
        ctx.json(QaViews.plan(qa(), m));
    }

    /** Calls answered on days {@code from}..{@code to} (default today), with signals and QA state. */
    public void calls(Context ctx) {
        QaService s = qa();
        LocalDate to = day(ctx, "to", LocalDate.now(clock.withZone(s.shifts().zone())));
        LocalDate from = day(ctx, "from", to);
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new HttpProblem(400, "'from' must be on or before 'to', at most " + MAX_DAYS + " days apart");
        }
        ctx.json(QaViews.calls(s, run(() -> s.answered(s.shifts().startOf(from), s.shifts().startOf(to.plusDays(1))))));
    }

    public void sample(Context ctx) {
        ctx.json(run(() -> qa().sampleManually(ctx.pathParam("callId"), who.apply(ctx).username())));
    }

    public void forms(Context ctx) {
        ctx.json(qa().book().latestForms());
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

    // ---- live listening (QA_SCORE): the console's supervisor listen, scored like a recording

    /** The calls being talked now (not the inspector's own) and the inspector's seat. */
    public void live(Context ctx) {
        qa();
        String me = who.apply(ctx).agentId();
        int seat = 0;
        List<LiveCall> calls = new ArrayList<>();
        for (AgentSummary a : console.agentsNow()) {
            if (a.agentId().equals(me)) {
                seat = a.seat();
            } else if (talking(a)) {
                calls.add(new LiveCall(a.agentId(), a.name(), a.seat(), a.callId(), a.since()));
            }
        }
        ctx.json(new Live(me, seat, calls));
    }

    /**
     * The inspector starts listening to {@code agentId}'s call on the phone of their own seat (the
     * console's supervisor listen, refused as it refuses); answers the call to score. The score is
     * sent to {@link #score} with {@code live: true}; the recording follows when the call ends.
     */
    public void listenLive(Context ctx) {
        qa();
        String target = ctx.pathParam("agentId");
        console.monitorAs(who.apply(ctx).agentId(), target, MonitorMode.LISTEN);
        LiveCall call = console.agentsNow().stream().filter(a -> a.agentId().equals(target) && talking(a))
                .findFirst().map(a -> new LiveCall(a.agentId(), a.name(), a.seat(), a.callId(), a.since()))
                .orElseThrow(() -> new HttpProblem(409, target + " is no longer talking to a caller"));
        ctx.json(call);
    }

    /** An agent with a call (the console leaves an idle agent's call id empty). */
    private static boolean talking(AgentSummary a) {
        return a.callId() != null && !a.callId().isBlank();
    }

    /** The inspector stops listening to {@code agentId}'s call. */
    public void endLive(Context ctx) {
        qa();
        console.monitorAs(who.apply(ctx).agentId(), ctx.pathParam("agentId"), MonitorMode.END);
        ctx.json(Map.of("ok", true));
    }

    // ---- quality managers (QA_MANAGE)

    public void defineForm(Context ctx) {
        ScoringForm f;
        try {
            f = QaCodec.form(ctx.body());
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, e.getMessage());
        }
        ctx.status(201).json(run(() -> qa().defineForm(f, who.apply(ctx).username())));
    }

    public void results(Context ctx) {
        YearMonth m = month(ctx);
        QaService s = qa();
        ctx.json(s.book().results().stream()
                .filter(r -> s.shiftOf(r.callId()).filter(sd -> YearMonth.from(sd.day()).equals(m)).isPresent()).toList());
    }

    public void bulletin(Context ctx) {
        ctx.json(qa().reports().bulletin(bulletinDay(ctx)));
    }

    public void bulletinCsv(Context ctx) {
        LocalDate d = bulletinDay(ctx);
        attachment(ctx, "text/csv; charset=utf-8", "qa-bulletin-" + d + ".csv");
        ctx.result(QaExports.bulletinCsv(qa().reports().bulletin(d)));
    }

    public void bulletinXlsx(Context ctx) {
        LocalDate d = bulletinDay(ctx);
        byte[] file = QaWorkbooks.bulletin(qa().reports().bulletin(d));
        attachment(ctx, KpiExport.XLSX, "qa-bulletin-" + d + ".xlsx");
        ctx.result(file);
    }

    public void bulletinPdf(Context ctx) {
        LocalDate d = bulletinDay(ctx);
        byte[] file = QaExports.bulletinPdf(qa().reports().bulletin(d));
        attachment(ctx, "application/pdf", "qa-bulletin-" + d + ".pdf");
        ctx.result(file);
    }

    public void report(Context ctx) {
        YearMonth m = month(ctx);
        ctx.json(Map.of("report", qa().reports().monthly(m), "completion", qa().completion(m)));
    }

    public void reportCsv(Context ctx) {
        YearMonth m = month(ctx);
        attachment(ctx, "text/csv; charset=utf-8", "qa-report-" + m + ".csv");
        ctx.result(QaExports.monthlyCsv(qa().reports().monthly(m), qa().completion(m)));
    }

    public void reportXlsx(Context ctx) {
        YearMonth m = month(ctx);
        byte[] file = QaWorkbooks.monthly(qa().reports().monthly(m), qa().completion(m));
        attachment(ctx, KpiExport.XLSX, "qa-report-" + m + ".xlsx");
        ctx.result(file);
    }

    public void reportPdf(Context ctx) {
        YearMonth m = month(ctx);
        byte[] file = QaExports.monthlyPdf(qa().reports().monthly(m), qa().completion(m));
        attachment(ctx, "application/pdf", "qa-report-" + m + ".pdf");
        ctx.result(file);
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
        ctx.json(qa().book().resultsOf(asked).stream().map(r -> QaViews.result(qa(), r)).toList());
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
        ctx.json(qa().book().results().stream().filter(r -> r.state() == SignOff.DISPUTED)
                .map(r -> QaViews.result(qa(), r)).toList());
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
        QaService s = qa;
        if (s == null) {
            throw new HttpProblem(503, "quality monitoring is not running");
        }
        return s;
    }

    private <T> T agentRun(Context ctx, Who w, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (QaException e) {
            if (e.kind() == QaException.Kind.FORBIDDEN) {
                log.warn("QA: user {} (agent {}) tried to sign off call {}: {}", w.username(), w.agentId(),
                        ctx.pathParam("callId"), e.getMessage());
            }
            throw problem(e);
        }
    }

    private static <T> T run(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (QaException e) {
            throw problem(e);
        }
    }

    private static HttpProblem problem(QaException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
        };
        return new HttpProblem(status, e.getMessage());
    }

    private YearMonth month(Context ctx) {
        String m = ctx.queryParam("month");
        return m == null || m.isBlank() ? YearMonth.now(clock.withZone(qa().shifts().zone())) : parseMonth(m);
    }

    private LocalDate bulletinDay(Context ctx) {
        return day(ctx, "day", LocalDate.now(clock.withZone(qa().shifts().zone())).minusDays(1));
    }

    private static YearMonth parseMonth(String m) {
        try {
            return YearMonth.parse(m.strip());
        } catch (DateTimeException e) {
            throw new HttpProblem(400, "'month' must be like 2026-12");
        }
    }

    private static LocalDate day(Context ctx, String name, LocalDate fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeException e) {
            throw new HttpProblem(400, "'" + name + "' must be a date like 2026-12-07");
        }
    }

    /** Headers of a download; set only once the file is made, so a refusal (no font) is never saved as the file. */
    private static void attachment(Context ctx, String type, String name) {
        ctx.contentType(type);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
