package io.branchbox.admin.web;

import io.branchbox.time.ThreadNames;
import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.users.Permission;
import io.branchbox.admin.users.User;
import io.branchbox.admin.workorders.WorkOrderHandlers;
import io.branchbox.firmware.workorder.Actor;
import io.branchbox.firmware.workorder.ActorRole;
import io.branchbox.firmware.workorder.WorkOrderService;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.branchbox.admin.console.ConsoleHandlers;
import io.branchbox.admin.prompts.PromptHandlers;
import io.branchbox.admin.qa.QaHandlers;
import io.branchbox.admin.prompts.PromptsBackend;
import io.branchbox.admin.recordings.RecordingHandlers;
import io.branchbox.admin.recordings.RecordingsBackend;
import io.branchbox.admin.reports.ReportHandlers;
import io.branchbox.admin.reports.ReportsBackend;
import io.branchbox.admin.spans.SpanAdmin;
import io.branchbox.admin.config.ConfigService;
import io.branchbox.admin.status.BoxStatusSource;
import io.branchbox.admin.status.LinesSource;
import io.branchbox.admin.users.LoginRateLimiter;
import io.branchbox.admin.users.UserStore;
import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.Scheduler;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import io.branchbox.admin.i18n.Catalogue;
import io.branchbox.admin.tls.BoxCertificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician web admin and live status page (Javalin on Jetty).
 *
 * <p>Contract: every route comes from {@link AdminRoutes} and carries an {@link Access}; only
 * {@code /login}, its assets and {@code /health-check} are public. Sessions live in memory (a restart
 * logs everybody out). Errors reach the client as {@code {"error": "..."}} with the right status,
 * never with a stack trace; unknown routes get 404.
 *
 * <p>Lifecycle and threading: construct, then {@link #start()} once from any thread; requests run on
 * Jetty's worker threads and call {@link UserStore}, {@link BoxStatusSource} and the
 * {@link RecordingsBackend} (when given) from them concurrently. {@link #stop()} is idempotent.
 * Create the initial admin with {@link UserStore#ensureInitialAdmin} before starting. The agent
 * console's routes are always in the table; they serve once call control's console is attached
 * with {@link #attachConsole(AgentConsole)}.
 */
public final class AdminServer {
    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    private static final int MAX_SESSIONS = 256;
    /** Security alarms (lockouts) have their own logger, so the box's log shipping can pick them out. */
    private static final Logger SECURITY = LoggerFactory.getLogger("io.branchbox.security");
    /** The friendly error page, written for 403; the 404 page is the same with its own texts. */
    private static final byte[] FORBIDDEN_PAGE = Assets.bytes("error-page.html");
    private static final byte[] NOT_FOUND_PAGE = new String(FORBIDDEN_PAGE, java.nio.charset.StandardCharsets.UTF_8)
            .replace("core.forbidden.", "core.notFound.").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final AdminConfig config;
    private final List<RouteSpec> routes;
    private final ConsoleHandlers console;
    private final ReportHandlers reports = new ReportHandlers();
    private final WorkOrderHandlers workOrders;
    private final QaHandlers qa;
    private final java.util.concurrent.atomic.AtomicReference<LinesSource> lines =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final Javalin app;
    private final SecurityGuard guard;
    private final Catalogue catalogue;
    private final EventHub events;
    private final HttpsConfig https;
    private final BoxCertificate certificate;
    private ExecutorScheduler consoleTimeouts;

    /** An admin without the recordings pages. */
    public AdminServer(AdminConfig config, UserStore users, BoxStatusSource status, Clock clock) {
        this(config, users, status, clock, null);
    }

    /**
     * An admin with the recordings pages over {@code recordings} (null: without them). The
     * recordings search takes its default day range from {@code clock}'s zone.
     */
    public AdminServer(AdminConfig config, UserStore users, BoxStatusSource status, Clock clock,
            RecordingsBackend recordings) {
        this(config, users, status, clock, recordings, null);
    }

    /** An admin with the recordings pages and the technician's span routes (null: without them). */
    public AdminServer(AdminConfig config, UserStore users, BoxStatusSource status, Clock clock,
            RecordingsBackend recordings, SpanAdmin spans) {
        this(config, users, status, clock, recordings, spans, null);
    }

    /** An admin with the recordings pages, the span routes and the prompt sets (null: without them). */
    public AdminServer(AdminConfig config, UserStore users, BoxStatusSource status, Clock clock,
            RecordingsBackend recordings, SpanAdmin spans, PromptsBackend prompts) {
        this(config, users, status, clock, recordings, spans, prompts, List.of(), null);
    }

    /**
     * As above, plus the rows of areas that live outside this package (e.g. {@code admin.system}),
     * each with its own {@link Access}; they are guarded and swept like the table's own.
     */
    public AdminServer(AdminConfig config, UserStore users, BoxStatusSource status, Clock clock,
            RecordingsBackend recordings, SpanAdmin spans, PromptsBackend prompts, List<RouteSpec> areaRoutes) {
        this(config, users, status, clock, recordings, spans, prompts, null, null, areaRoutes);
    }

    /**
     * As above, also serving HTTPS with the box's own certificate when {@code https} is given
     * (made at first start in its directory; null: plain HTTP only).
     *
     * @throws java.io.UncheckedIOException when the certificate can be neither read nor made
     */
    public AdminServer(AdminConfig config, UserStore users, BoxStatusSource status, Clock clock,
            RecordingsBackend recordings, SpanAdmin spans, PromptsBackend prompts, HttpsConfig https) {
        this(config, users, status, clock, recordings, spans, prompts, List.of(), https);
    }

    /** Area rows from other packages and HTTPS (null: plain HTTP only), without the configuration pages. */
    public AdminServer(AdminConfig config, UserStore users, BoxStatusSource status, Clock clock,
            RecordingsBackend recordings, SpanAdmin spans, PromptsBackend prompts, List<RouteSpec> areaRoutes,
            HttpsConfig https) {
        this(config, users, status, clock, recordings, spans, prompts, https, null, areaRoutes);
    }

    /**
     * The whole admin: HTTPS when {@code https} is given, the configuration pages over
     * {@code configuration} (null: without them), and the rows of areas outside this package.
     */
    public AdminServer(AdminConfig config, UserStore users, BoxStatusSource status, Clock clock,
            RecordingsBackend recordings, SpanAdmin spans, PromptsBackend prompts, HttpsConfig https,
            ConfigService configuration, List<RouteSpec> areaRoutes) {
        this.config = config;
        this.https = https;
        this.certificate = https == null ? null : certificate(https, clock);
        // instants in answers as ISO-8601 text (QA results carry them as records)
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        RequestBodies bodies = new RequestBodies(mapper, config.maxBodyBytes());
        SessionStore sessions = new SessionStore(clock, config.sessionIdle(), config.sessionMaxAge(), MAX_SESSIONS);
        LoginRateLimiter limiter = new LoginRateLimiter(clock, lockout -> SECURITY.error(
                "SECURITY ALARM: {} {} locked for {} s after {} failed logins", lockout.what(),
                printable(lockout.key()), lockout.lockedFor().toSeconds(), lockout.failures()));
        this.guard = new SecurityGuard(sessions, users, bodies, https != null && https.redirectHttp() ? this::httpsPort : null);
        this.catalogue = Catalogue.load();
        Navigation navigation = new Navigation();
        TotpHandlers totp = new TotpHandlers(users, bodies, clock);
        AuthHandlers auth = new AuthHandlers(users, sessions, limiter, bodies, config.forceSecureCookie(), clock.getZone(),
                navigation, certificate == null ? "" : certificate.fingerprint(), totp);
        UserHandlers userHandlers = new UserHandlers(users, sessions, bodies, status);
        RecordingHandlers recordingHandlers = recordings == null ? null
                : new RecordingHandlers(recordings, ctx -> SecurityGuard.principal(ctx).user().username(), clock);
        // the console acts as the logged-in user's linked agent (else their name), never one from the request
        this.console = new ConsoleHandlers(bodies::json, ctx -> SecurityGuard.principal(ctx).user().consoleAgentId(),
                ConsoleHandlers.DEFAULT_TIMEOUT, (ctx, code) -> catalogue.text(guard.languageOf(ctx), "console.refused." + code));
        PromptHandlers promptHandlers = prompts == null ? null
                : new PromptHandlers(prompts, ctx -> SecurityGuard.principal(ctx).user().username());
        // QA acts as the logged-in user and their linked agent, never one named by the request
        this.qa = new QaHandlers(bodies::json, ctx -> new QaHandlers.Who(SecurityGuard.principal(ctx).user().username(),
                SecurityGuard.principal(ctx).user().consoleAgentId()),
                recordingHandlers == null ? null : recordingHandlers::listen, console, clock);
        // work orders act as the user's console agent (the owner of what they open); those who may
        // supervise work orders act as shift leads
        this.workOrders = new WorkOrderHandlers(bodies::json, ctx -> {
            User u = SecurityGuard.principal(ctx).user();
            return Actor.web(u.consoleAgentId(), u.may(Permission.WORKORDERS_SUPERVISE) ? ActorRole.LEAD : ActorRole.AGENT);
        }, recordingHandlers == null ? null : recordingHandlers::listen);
        this.events = new EventHub(sessions, users, status, console, workOrders::lateNow, mapper, clock);
        List<RouteSpec> table = new java.util.ArrayList<>(AdminRoutes.table(new AdminRoutes.Core(auth, userHandlers,
                new I18nHandlers(catalogue, users, bodies), status, events, totp), recordingHandlers,
                spans == null ? null : new SpanHandlers(spans), console, promptHandlers,
                new AdminRoutes.Areas(reports, qa, workOrders,
                        configuration == null ? null : new ConfigHandlers(configuration, bodies,
                                https == null ? null : https.directory(), clock), () -> {
                            LinesSource source = lines.get();
                            if (source == null) {
                                throw new HttpProblem(503, "the lines are not available yet");
                            }
                            return source.lines();
                        })));
        table.addAll(areaRoutes);
        this.routes = List.copyOf(table);
        navigation.routes(routes);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jetty.defaultHost = config.host();
            cfg.jetty.defaultPort = config.port();
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            if (certificate != null) {
                // Javalin adds its own HTTP connector only when none is configured: add both
                cfg.jetty.addConnector((server, http) -> TlsConnector.plain(server, http, config.host(), config.port()));
                cfg.jetty.addConnector((server, http) -> TlsConnector.create(server, http, config.host(),
                        https.port(), certificate));
            }
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            cfg.router.mount(router -> {
                router.before(guard::headers);
                router.beforeMatched(guard::authorize);
                for (RouteSpec route : routes) {
                    router.addHttpHandler(route.method(), route.path(), route.handler(), route.access());
                }
                router.exception(HttpProblem.class, (e, ctx) -> problem(ctx, e));
                router.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus() == 404
                        ? HttpProblem.of(404, "core.error.notFound") : new HttpProblem(e.getStatus(), e.getMessage())));
                router.exception(Exception.class, (e, ctx) -> {
                    log.error("request {} {} failed", ctx.method(), ctx.path(), e);
                    problem(ctx, HttpProblem.of(500, "core.error.internal"));
                });
            });
        });
    }

    /** A key from a request as it may be logged: names and addresses only, nothing that forges a line. */
    private static String printable(String key) {
        return key.replaceAll("[^A-Za-z0-9._:\\-\\[\\]]", "?");
    }

    private static boolean isPage(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.method() == io.javalin.http.HandlerType.GET && !ctx.path().startsWith("/api/")
                && !ctx.path().startsWith("/assets/") && accept != null && accept.contains("text/html");
    }

    /**
     * Connects the status page's lines section (B-channel grid, analog lines, board health); until
     * then {@code /api/status/lines} answers 503. Any thread, before or after {@link #start()}.
     */
    public void attachLines(LinesSource source) {
        lines.set(source);
    }

    /** Binds the configured address and starts serving; throws if the port is taken. */
    /** The logged-in user's name for a request that passed its route's {@link Access}, for handlers in other packages. */
    public static String userOf(io.javalin.http.Context ctx) {
        return SecurityGuard.principal(ctx).user().username();
    }

    /** Binds the configured address and starts serving; throws if the port is taken. */
    public AdminServer start() {
        app.start();
        events.start();
        log.info("web admin listening on {}:{}", config.host(), port());
        if (certificate != null) {
            log.info("web admin HTTPS on {}:{}; certificate SHA-256 fingerprint {}", config.host(), httpsPort(),
                    certificate.fingerprint());
        }
        return this;
    }

    /** The bound HTTPS port, or -1 without HTTPS. */
    public int httpsPort() {
        return certificate == null ? -1 : TlsConnector.localPort(app.jettyServer().server());
    }

    /** The SHA-256 fingerprint of the HTTPS certificate, if HTTPS is on. */
    public java.util.Optional<String> certificateFingerprint() {
        return java.util.Optional.ofNullable(certificate).map(BoxCertificate::fingerprint);
    }

    private static BoxCertificate certificate(HttpsConfig https, Clock clock) {
        try {
            if (https.uploaded()) {
                java.util.Optional<BoxCertificate> uploaded = io.branchbox.admin.tls.UploadedCertificate.load(https.directory());
                if (uploaded.isPresent()) {
                    return uploaded.get();
                }
                log.warn("web.https.certificate is UPLOADED but none was uploaded: using the box's own certificate");
            }
            return BoxCertificate.loadOrCreate(https.directory(), clock);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return TlsConnector.plainPort(app.jettyServer().server());
    }

    /**
     * Connects the agent console pages to call control; until then (and after {@code null}) the
     * console API answers 503. May be called before or after {@link #start()}, from any thread.
     * The waits for call control are bounded by a timer thread of the admin's own.
     */
    public synchronized void attachConsole(AgentConsole agentConsole) {
        if (agentConsole != null && consoleTimeouts == null) {
            consoleTimeouts = new ExecutorScheduler(ThreadNames.CONSOLE_TIMEOUTS, Clock.systemUTC());
        }
        console.attach(agentConsole, consoleTimeouts);
    }

    /** As {@link #attachConsole(AgentConsole)}, with the deadlines on {@code timeouts} (tests pass a manual one). */
    public void attachConsole(AgentConsole agentConsole, Scheduler timeouts) {
        console.attach(agentConsole, timeouts);
    }

    /** Connects the reports pages to a box's figures; until then their API answers 503. Any thread. */
    public void attachReports(ReportsBackend backend) {
        reports.attach(backend);
    }

    /**
     * Connects the work-order pages to the box's work orders ({@code null}: 503 again); handover
     * drafts are stamped with {@code clock}. Any thread, before or after {@link #start()}.
     */
    public void attachWorkOrders(WorkOrderService service, Clock clock) {
        workOrders.attach(service, clock);
    }

    /**
     * Connects the quality-monitoring pages to the box's QA service; until then (and after
     * {@code null}) the QA API answers 503. Any thread, before or after {@link #start()}.
     */
    public void attachQa(QaService service) {
        qa.attach(service);
    }

    /** Stops serving; safe to call more than once. */
    public void stop() {
        events.close();
        app.stop();
        synchronized (this) {
            if (consoleTimeouts != null) {
                consoleTimeouts.close();
                consoleTimeouts = null;
            }
        }
    }

    /** The route table as registered, for tests that prove every route is protected. */
    public List<RouteSpec> routes() {
        return routes;
    }

    /** The one place a refusal becomes {@code {"error": text in the user's language, "code": key}}. */
    private void problem(Context ctx, HttpProblem e) {
        if ((e.status() == 403 || e.status() == 404) && isPage(ctx)) {
            // a person followed a link: a page that says so in their language, not JSON
            ctx.status(e.status()).contentType("text/html; charset=utf-8")
                    .result(e.status() == 403 ? FORBIDDEN_PAGE : NOT_FOUND_PAGE);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.key().map(k -> catalogue.text(guard.languageOf(ctx), k, e.args())).orElse(e.getMessage()));
        e.key().ifPresent(k -> body.put("code", k));
        ctx.status(e.status()).json(body);
    }
}
