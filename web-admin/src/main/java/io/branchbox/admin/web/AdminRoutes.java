package io.branchbox.admin.web;

import static io.branchbox.admin.users.Permission.AGENTS_SUPERVISE;
import static io.branchbox.admin.users.Permission.AUDIT_VIEW;
import static io.branchbox.admin.users.Permission.CONFIG_EDIT;
import static io.branchbox.admin.users.Permission.CONFIG_VIEW;
import static io.branchbox.admin.users.Permission.CONSOLE_USE;
import static io.branchbox.admin.users.Permission.DIAGNOSTICS;
import static io.branchbox.admin.users.Permission.PROMPTS_MANAGE;
import static io.branchbox.admin.users.Permission.QA_MANAGE;
import static io.branchbox.admin.users.Permission.QA_OWN_RESULTS;
import static io.branchbox.admin.users.Permission.QA_SCORE;
import static io.branchbox.admin.users.Permission.RECORDINGS_LISTEN;
import static io.branchbox.admin.users.Permission.RECORDINGS_MANAGE;
import static io.branchbox.admin.users.Permission.STATUS_VIEW;
import static io.branchbox.admin.users.Permission.USERS_MANAGE;
import static io.branchbox.admin.users.Permission.WALLBOARD_VIEW;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.branchbox.admin.console.ConsoleHandlers;
import io.branchbox.admin.prompts.PromptHandlers;
import io.branchbox.admin.qa.QaHandlers;
import io.branchbox.admin.recordings.RecordingHandlers;
import io.branchbox.admin.reports.ReportHandlers;
import io.branchbox.admin.status.BoxStatusSource;
import io.branchbox.admin.users.Permission;
import io.branchbox.admin.workorders.WorkOrderHandlers;
import io.branchbox.admin.status.LinesSource;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The route table: every route of the admin with who may call it, in one place.
 *
 * <p>{@link AdminServer} registers exactly these rows and nothing else, and tests iterate over
 * them to prove that none is reachable without the declared permission. Adding a page or an API means
 * adding a row here with its {@link Access}.
 */
final class AdminRoutes {

    private AdminRoutes() {}

    /** The handlers every box has. */
    record Core(AuthHandlers auth, UserHandlers users, I18nHandlers i18n, BoxStatusSource status, EventHub events,
                TotpHandlers totp) {}

    /**
     * The table; the recordings, span and prompt rows only when their handlers are given (null: a
     * box without them). The console rows are always there: without call control's console they
     * answer 503.
     */
    static List<RouteSpec> table(Core core, RecordingHandlers recordings, SpanHandlers spans,
            ConsoleHandlers console, PromptHandlers prompts) {
        return table(core, recordings, spans, console, prompts, Areas.NONE);
    }

    /**
     * The rows of the areas beside the core, each only when its handlers are given (null: a box
     * or a test without it): the reports (without a box's figures their API answers 503), quality
     * monitoring (503 until QA is attached), work orders, the configuration pages, and the status
     * page's lines section.
     */
    record Areas(ReportHandlers reports, QaHandlers qa, WorkOrderHandlers workOrders, ConfigHandlers config,
            LinesSource lines) {
        static final Areas NONE = new Areas(null, null, null, null, null);
    }

    /** As above, with the rows of {@code areas}. */
    static List<RouteSpec> table(Core core, RecordingHandlers recordings, SpanHandlers spans,
            ConsoleHandlers console, PromptHandlers prompts, Areas areas) {
        List<RouteSpec> table = new ArrayList<>(base(core));
        if (areas.lines() != null) {
            Access viewer = Access.permission(STATUS_VIEW);
            LinesSource lines = areas.lines();
            table.add(route(GET, "/assets/status-lines.js", viewer, Assets.file("status-lines.js")));
            table.add(route(GET, "/api/status/lines", viewer, ctx -> ctx.json(lines.lines())));
        }
        if (areas.config() != null) {
            table.addAll(config(areas.config()));
        }
        table.addAll(console(console));
        table.addAll(reports(areas.reports() == null ? new ReportHandlers() : areas.reports()));
        if (areas.qa() != null) {
            table.addAll(qa(areas.qa()));
        }
        if (areas.workOrders() != null) {
            table.addAll(workOrders(areas.workOrders()));
        }
        if (prompts != null) {
            table.addAll(prompts(prompts));
        }
        if (recordings != null) {
            table.addAll(recordings(recordings));
        }
        if (spans != null) {
            table.addAll(spans(spans));
        }
        return List.copyOf(table);
    }

    /** Work orders: agents open orders and enter stages; leads write and acknowledge handovers. */
    private static List<RouteSpec> workOrders(WorkOrderHandlers w) {
        Access use = Access.permission(Permission.WORKORDERS_USE);
        Access lead = Access.permission(Permission.WORKORDERS_SUPERVISE);
        Access wallboard = Access.permission(Permission.WALLBOARD_VIEW);
        Access pins = Access.permission(Permission.CREW_PINS_MANAGE);
        return List.of(
                route(GET, "/workorders", use, Assets.file("workorders.html")),
                route(GET, "/assets/workorders.js", use, Assets.file("workorders.js")),
                route(GET, "/assets/workorders.css", use, Assets.file("workorders.css")),
                // labels only: every signed-in page that shows work orders (the wallboard too) may load them
                route(GET, "/assets/workorder-i18n.js", Access.permission(Permission.STATUS_VIEW),
                        Assets.file("workorder-i18n.js")),
                route(GET, "/assets/console-workorders.js", use, Assets.file("console-workorders.js")),
                route(GET, "/crew", use, Assets.file("crew.html")),
                route(GET, "/assets/crew.js", use, Assets.file("crew.js")),
                route(GET, "/handover", lead, Assets.file("handover.html")),
                route(GET, "/assets/handover.js", lead, Assets.file("handover.js")),
                route(GET, "/api/workorders", use, w::list),
                route(GET, "/api/workorders/export.csv", use, w::export),
                route(GET, "/api/workorders/callbacks", use, w::callbacks),
                route(GET, "/api/workorders/late", wallboard, w::late),
                route(GET, "/assets/wallboard-workorders.js", wallboard, Assets.file("wallboard-workorders.js")),
                route(POST, "/api/workorders", use, w::create),
                route(POST, "/api/workorders/crew-report", use, w::crewReport),
                route(GET, "/api/workorders/{number}", use, w::one),
                route(POST, "/api/workorders/{number}/stages", use, w::enter),
                route(POST, "/api/workorders/{number}/corrections", lead, w::correct),
                route(GET, "/api/voicemails", use, w::voicemails),
                route(POST, "/api/voicemails/{callId}/handled", use, w::voicemailHandled),
                // agents hear voicemail messages, not recordings in general: a permission of its own
                route(GET, "/api/voicemails/{callId}/audio", Access.permission(Permission.VOICEMAIL_LISTEN),
                        w::voicemailAudio),
                // technicians and shift leads set the crews' PINs
                route(GET, "/crews", pins, Assets.file("crews.html")),
                route(GET, "/assets/crews.js", pins, Assets.file("crews.js")),
                route(GET, "/api/crews", pins, w::crews),
                route(POST, "/api/crews/{id}/pin", pins, w::setCrewPin),
                route(GET, "/api/handovers", lead, w::handovers),
                route(POST, "/api/handovers", lead, w::writeHandover),
                route(POST, "/api/handovers/{id}/ack", lead, w::acknowledge));
    }

    /** The agent console: agents act for themselves; supervisors also see every agent and monitor. */
    private static List<RouteSpec> console(ConsoleHandlers c) {
        Access agent = Access.permission(CONSOLE_USE);
        Access supervisor = Access.permission(AGENTS_SUPERVISE);
        return List.of(
                route(GET, "/console", agent, Assets.file("console.html")),
                route(GET, "/assets/console.js", agent, Assets.file("console.js")),
                route(GET, "/assets/console.css", agent, Assets.file("console.css")),
                route(GET, "/assets/console-alert.js", agent, Assets.file("console-alert.js")),
                route(GET, "/assets/console-agents.js", agent, Assets.file("console-agents.js")),
                route(GET, "/api/console/view", agent, c::view),
                route(GET, "/api/console/agents", agent, c::colleagues),
                route(POST, "/api/console/login", agent, c::login),
                route(POST, "/api/console/logout", agent, c::logout),
                route(POST, "/api/console/ready", agent, c::ready),
                route(POST, "/api/console/not-ready", agent, c::notReady),
                route(POST, "/api/console/answer", agent, c::answer),
                route(POST, "/api/console/hangup", agent, c::hangup),
                route(POST, "/api/console/hold", agent, c::hold),
                route(POST, "/api/console/retrieve", agent, c::retrieve),
                route(POST, "/api/console/transfer", agent, c::transfer),
                route(POST, "/api/console/complete-transfer", agent, c::completeTransfer),
                route(POST, "/api/console/dial", agent, c::dial),
                route(POST, "/api/console/wrap-up", agent, c::wrapUp),
                route(GET, "/api/console/callbacks", agent, c::callbacks),
                route(POST, "/api/console/callbacks", agent, c::bookCallback),
                route(GET, "/api/console/supervisor/agents", supervisor, c::agents),
                route(POST, "/api/console/monitor", supervisor, c::monitor));
    }

    /** The service figures: whoever holds REPORTS_VIEW (supervisors, the director, technicians). */
    private static List<RouteSpec> reports(ReportHandlers r) {
        Access reports = Access.permission(Permission.REPORTS_VIEW);
        return List.of(
                route(GET, "/reports", reports, Assets.file("reports.html")),
                route(GET, "/assets/reports.js", reports, Assets.file("reports.js")),
                route(GET, "/assets/datepick.js", reports, Assets.file("datepick.js")),
                route(GET, "/assets/reports.css", reports, Assets.file("reports.css")),
                route(GET, "/assets/vendor/uPlot.iife.min.js", reports, Assets.webjar("uplot", "dist/uPlot.iife.min.js")),
                route(GET, "/assets/vendor/uPlot.min.css", reports, Assets.webjar("uplot", "dist/uPlot.min.css")),
                route(GET, "/api/reports/kpis", reports, r::kpis),
                route(GET, "/api/reports/trend", reports, r::trend),
                route(GET, "/api/reports/calls", reports, r::calls),
                route(GET, "/api/reports/export", reports, r::export));
    }

    /**
     * Quality monitoring. The page and its texts open to every logged-in user (the API decides
     * what each sees); inspectors draw plans, list calls, listen and score (QA_SCORE); quality
     * managers define forms and read every result, bulletin and report (QA_MANAGE); an agent reads
     * and signs off their own results (QA_OWN_RESULTS); a shift lead reviews disputes and hears
     * the disputed call (AGENTS_SUPERVISE).
     */
    private static List<RouteSpec> qa(QaHandlers q) {
        Access page = Access.permission(STATUS_VIEW);
        Access score = Access.permission(QA_SCORE);
        Access manage = Access.permission(QA_MANAGE);
        Access own = Access.permission(QA_OWN_RESULTS);
        Access lead = Access.permission(AGENTS_SUPERVISE);
        return List.of(
                route(GET, "/qa", page, Assets.file("qa.html")),
                route(GET, "/assets/qa.js", page, Assets.file("qa.js")),
                route(GET, "/assets/qa-player.js", page, Assets.file("qa-player.js")),
                route(GET, "/assets/qa.css", page, Assets.file("qa.css")),
                route(GET, "/api/qa/me", page, q::me),
                route(GET, "/api/qa/plan", score, q::plan),
                route(POST, "/api/qa/plan/draw", score, q::draw),
                route(GET, "/api/qa/calls", score, q::calls),
                route(POST, "/api/qa/calls/{callId}/sample", score, q::sample),
                route(GET, "/api/qa/calls/{callId}/audio", score, q::audio),
                route(GET, "/api/qa/calls/{callId}/result", score, q::result),
                route(GET, "/api/qa/forms", score, q::forms),
                route(GET, "/api/qa/forms/{formId}/{version}", score, q::form),
                route(POST, "/api/qa/scores", score, q::score),
                route(GET, "/api/qa/live", score, q.live()::live),
                route(POST, "/api/qa/live/{agentId}/listen", score, q.live()::listenLive),
                route(POST, "/api/qa/live/{agentId}/end", score, q.live()::endLive),
                route(POST, "/api/qa/forms", manage, q::defineForm),
                route(GET, "/api/qa/form-history/{formId}", manage, q::formVersions),
                route(GET, "/api/qa/form-factory", manage, q::factoryForm),
                route(GET, "/assets/qa-form-editor.js", page, Assets.file("qa-form-editor.js")),
                route(GET, "/api/qa/results", manage, q::results),
                route(GET, "/api/qa/bulletin", manage, q.reports()::bulletin),
                route(GET, "/api/qa/bulletin.csv", manage, q.reports()::bulletinCsv),
                route(GET, "/api/qa/bulletin.xlsx", manage, q.reports()::bulletinXlsx),
                route(GET, "/api/qa/bulletin.pdf", manage, q.reports()::bulletinPdf),
                route(GET, "/api/qa/report", manage, q.reports()::report),
                route(GET, "/api/qa/report.csv", manage, q.reports()::reportCsv),
                route(GET, "/api/qa/report.xlsx", manage, q.reports()::reportXlsx),
                route(GET, "/api/qa/report.pdf", manage, q.reports()::reportPdf),
                route(GET, "/api/qa/agents/{agentId}/results", own, q::agentResults),
                route(POST, "/api/qa/results/{callId}/acknowledge", own, q::acknowledge),
                route(POST, "/api/qa/results/{callId}/dispute", own, q::dispute),
                route(GET, "/api/qa/disputes", lead, q::disputes),
                route(GET, "/api/qa/disputes/{callId}/audio", lead, q::disputeAudio),
                route(POST, "/api/qa/disputes/{callId}/confirm", lead, q::confirm),
                route(POST, "/api/qa/disputes/{callId}/change", lead, q::change));
    }

    /**
     * Prompts: whoever reads the configuration lists and plays them (the IVR editor picks from
     * them); managing them is the technician's.
     */
    private static List<RouteSpec> prompts(PromptHandlers p) {
        Access reader = Access.permission(CONFIG_VIEW);
        Access technician = Access.permission(PROMPTS_MANAGE);
        return List.of(
                route(GET, "/prompts", technician, Assets.file("prompts.html")),
                route(GET, "/assets/prompts.js", technician, Assets.file("prompts.js")),
                route(GET, "/api/prompts", reader, p::list),
                route(GET, "/api/prompts/{set}/{name}.wav", reader, p::listen),
                route(POST, "/api/prompts/{set}/{name}", technician, p::upload),
                route(DELETE, "/api/prompts/{set}/{name}", technician, p::delete),
                route(POST, "/api/prompts/{set}/{name}/record", technician, p::recordByPhone),
                route(POST, "/api/prompt-recording/{seat}/stop", technician, p::stopRecording));
    }

    /**
     * Configuration: reading it and its revisions, saving and rolling back, the audit trail, and
     * the restart that a saved change may need.
     */
    private static List<RouteSpec> config(ConfigHandlers c) {
        Access view = Access.permission(CONFIG_VIEW);
        Access edit = Access.permission(CONFIG_EDIT);
        Access audit = Access.permission(AUDIT_VIEW);
        return List.of(
                route(GET, "/config", view, Assets.file("config.html")),
                route(GET, "/assets/config.js", view, Assets.file("config.js")),
                route(GET, "/assets/config-forms.js", view, Assets.file("config-forms.js")),
                route(GET, "/assets/config-ivr.js", view, Assets.file("config-ivr.js")),
                route(GET, "/assets/config-hours.js", view, Assets.file("config-hours.js")),
                route(GET, "/assets/config-operations.js", view, Assets.file("config-operations.js")),
                route(GET, "/assets/config-revisions.js", view, Assets.file("config-revisions.js")),
                route(GET, "/assets/config.css", view, Assets.file("config.css")),
                route(GET, "/api/config", view, c::current),
                route(POST, "/api/config/check", view, c::check),
                route(POST, "/api/config", edit, c::save),
                route(GET, "/api/config/revisions", audit, c::revisions),
                route(GET, "/api/config/revisions/{revision}", audit, c::revision),
                route(GET, "/api/config/diff", audit, c::diff),
                route(POST, "/api/config/revisions/{revision}/rollback", edit, c::rollback),
                route(POST, ConfigHandlers.CERTIFICATE, edit, c::uploadCertificate),
                route(POST, "/api/config/restart", edit, c::restart),
                route(POST, "/api/config/uplink-test", edit, c::uplinkTest));
    }

    /** E1 spans and analog lines: diagnostics, and the diagnostics tab (recording a prompt there needs PROMPTS_MANAGE too). */
    private static List<RouteSpec> spans(SpanHandlers s) {
        Access technician = Access.permission(DIAGNOSTICS);
        return List.of(
                route(GET, "/diagnostics", technician, Assets.file("diagnostics.html")),
                route(GET, "/assets/diagnostics.js", technician, Assets.file("diagnostics.js")),
                route(GET, "/api/spans/{span}/capture.pcap", technician, s::capture),
                route(POST, "/api/spans/{span}/channels/{timeslot}/block", technician, s::block),
                route(POST, "/api/spans/{span}/channels/{timeslot}/unblock", technician, s::unblock),
                route(POST, "/api/lines/{port}/capture", technician, s::captureLine),
                route(GET, "/api/captures/{name}", technician, s::captureFile));
    }

    /**
     * Recordings: listening is its own permission (a technician does not hear customers unless
     * granted it); exports and legal holds another. Every act is access-logged by the handlers.
     */
    private static List<RouteSpec> recordings(RecordingHandlers r) {
        Access listen = Access.permission(RECORDINGS_LISTEN);
        Access manage = Access.permission(RECORDINGS_MANAGE);
        return List.of(
                route(GET, "/recordings", listen, Assets.file("recordings.html")),
                route(GET, "/assets/recordings.js", listen, Assets.file("recordings.js")),
                route(GET, "/api/recordings", listen, r::list),
                route(GET, "/api/recordings/{callId}/audio", listen, r::listen),
                route(GET, "/api/recordings/{callId}/download", listen, r::download),
                route(GET, "/api/recordings/{callId}/export", manage, r::export),
                route(GET, "/api/recordings/{callId}/access", listen, r::accessLog),
                route(POST, "/api/recordings/{callId}/hold", manage, r::hold),
                route(POST, "/api/recordings/{callId}/release", manage, r::release));
    }

    private static List<RouteSpec> base(Core core) {
        AuthHandlers auth = core.auth();
        UserHandlers users = core.users();
        BoxStatusSource status = core.status();
        Access viewer = Access.permission(STATUS_VIEW);
        Access viewerDuringChange = Access.signedInDuringPasswordChange();
        Access technician = Access.permission(USERS_MANAGE);
        Access wallboard = Access.permission(WALLBOARD_VIEW);
        return List.of(
                // anonymous: health probe, the login page and what it loads
                route(GET, "/health-check", Access.PUBLIC, ctx -> ctx.json(Map.of("ok", true))),
                route(GET, "/login", Access.PUBLIC, Assets.file("login.html")),
                route(POST, "/login", Access.PUBLIC, auth::login),
                route(GET, "/assets/style.css", Access.PUBLIC, Assets.file("style.css")),
                route(GET, "/assets/login.js", Access.PUBLIC, Assets.file("login.js")),
                route(GET, "/assets/i18n.js", Access.PUBLIC, Assets.file("i18n.js")),
                route(GET, "/assets/pico.min.css", Access.PUBLIC, Assets.webjar("picocss__pico", "css/pico.min.css")),
                route(GET, "/assets/error.js", Access.PUBLIC, Assets.file("error.js")),
                route(GET, "/api/i18n/{lang}", Access.PUBLIC, core.i18n()::catalogue),

                // any logged-in user, even before the forced password change
                route(GET, "/password", viewerDuringChange, Assets.file("password.html")),
                route(GET, "/assets/session.js", viewerDuringChange, Assets.file("session.js")),
                route(GET, "/assets/password.js", viewerDuringChange, Assets.file("password.js")),
                route(GET, "/api/session", viewerDuringChange, auth::session),
                route(POST, "/api/password", viewerDuringChange, auth::changePassword),
                route(POST, "/logout", viewerDuringChange, auth::logout),
                route(POST, "/api/me/language", viewerDuringChange, core.i18n()::setLanguage),

                // any signed-in page: the menu, the confirmation dialog, the push stream (each event
                // only for the permission it needs, see EventHub)
                route(GET, "/assets/nav.js", viewerDuringChange, Assets.file("nav.js")),
                route(GET, "/home", Access.signedIn(), auth::home),
                route(GET, "/api/me/totp", Access.signedIn(), core.totp()::offer),
                route(POST, "/api/me/totp", Access.signedIn(), core.totp()::enable),
                route(POST, "/api/me/totp/off", Access.signedIn(), core.totp()::disable),
                route(GET, "/assets/totp.js", viewerDuringChange, Assets.file("totp.js")),
                route(GET, "/assets/confirm.js", Access.signedIn(), Assets.file("confirm.js")),
                route(GET, "/assets/pager.js", Access.signedIn(), Assets.file("pager.js")),
                route(GET, "/assets/live.js", Access.signedIn(), Assets.file("live.js")),
                route(GET, "/api/events", Access.signedIn(), new SseHandler(core.events()::connect)),

                // live status
                route(GET, "/", viewer, Assets.file("status.html")),
                route(GET, "/assets/status.js", viewer, Assets.file("status.js")),

                // the live wallboard for shift leads and the director
                route(GET, "/wallboard", wallboard, Assets.file("wallboard.html")),
                route(GET, "/assets/wallboard.js", wallboard, Assets.file("wallboard.js")),
                route(GET, "/assets/wallboard.css", wallboard, Assets.file("wallboard.css")),
                route(GET, "/api/status", viewer, ctx -> ctx.json(status.snapshot())),

                // user administration
                route(GET, "/users", technician, Assets.file("users.html")),
                route(GET, "/assets/users.js", technician, Assets.file("users.js")),
                route(GET, "/api/users", technician, users::list),
                route(GET, "/api/users/agents", technician, users::agents),
                route(POST, "/api/users", technician, users::create),
                route(POST, "/api/users/{username}/disable", technician, users::disable),
                route(POST, "/api/users/{username}/enable", technician, users::enable),
                route(POST, "/api/users/{username}/password", technician, users::resetPassword),
                route(POST, "/api/users/{username}/roles", technician, users::setRoles),
                route(POST, "/api/users/{username}/agent", technician, users::linkAgent),
                route(POST, "/api/users/{username}/totp/off", technician, core.totp()::reset),
                route(DELETE, "/api/users/{username}", technician, users::delete));
    }

    private static RouteSpec route(HandlerType method, String path, Access access, Handler handler) {
        return new RouteSpec(method, path, access, handler);
    }
}
