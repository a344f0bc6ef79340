package io.branchbox.admin.web;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.http.Paging;
import io.branchbox.admin.config.ConfigService;
import io.branchbox.admin.config.UplinkTester;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigApplyPlan;
import io.branchbox.firmware.config.ConfigDiff;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigError;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.firmware.config.ConfigRevisions;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration API: read, check, save, revisions, compare, roll back, restart.
 *
 * <p>Drafts travel as the raw document text (not wrapped in another JSON object), so the one
 * parser sees exactly what was sent: duplicated keys, every problem with its path. Problems are
 * answered as 422 {@code {"error", "errors": [{path, code, args, message}]}}, a stale save as 409
 * {@code {"error", "code": "config.err.stale", "current"}}; never a 500 for a bad document.
 * Documents may be larger than the admin's usual body limit, up to {@link #MAX_DOCUMENT_BYTES}.
 */
final class ConfigHandlers {
    /** Whether {@code path} takes a whole document as its body, with the larger limit below (see {@link SecurityGuard}). */
    static boolean takesDocument(String path) {
        return path.equals("/api/config") || path.equals("/api/config/check") || path.equals(CERTIFICATE);
    }
    /** Where a technician uploads the HTTPS certificate (PKCS#12 bytes as the body). */
    static final String CERTIFICATE = "/api/config/certificate";
    /** A PKCS#12 with its chain is a few KB; anything beyond this is not one. */
    static final int MAX_CERTIFICATE_BYTES = 64 * 1024;
    /** The header that carries the PKCS#12's password (never a query parameter: those reach logs). */
    static final String CERTIFICATE_PASSWORD_HEADER = "X-Certificate-Password";
    /** A full branch's document is some 20 KB; anything beyond this is not a document. */
    static final int MAX_DOCUMENT_BYTES = 1 << 20;
    /** Most audit records the revisions list pages through (newest first). */
    private static final int HISTORY = 5_000;
    private static final int HISTORY_PAGE = 20;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConfigHandlers.class);

    private final ConfigService service;
    private final RequestBodies bodies;
    private final java.nio.file.Path tlsDirectory;
    private final java.time.Clock clock;

    /** {@code tlsDirectory}: where HTTPS keeps its certificates (null: HTTPS is off in this run). */
    ConfigHandlers(ConfigService service, RequestBodies bodies, java.nio.file.Path tlsDirectory, java.time.Clock clock) {
        this.service = service;
        this.bodies = bodies;
        this.tlsDirectory = tlsDirectory;
        this.clock = clock;
    }

    /**
     * {@code POST /api/config/certificate}: the body is a PKCS#12 file (certificate with its key),
     * its password in {@link #CERTIFICATE_PASSWORD_HEADER}; checked by content and kept beside the
     * box's own. Used after a restart when {@code web.https.certificate} is UPLOADED. Answers
     * {@code {fingerprint, subject, notAfter}}, or 422 {@code {code: config.cert.*}}; 409
     * {@code config.cert.httpsOff} when this run has no HTTPS (turn it on, restart, then upload).
     */
    void uploadCertificate(Context ctx) {
        // the size first: an oversized body is refused as such whatever else is wrong
        byte[] body = limited(ctx, MAX_CERTIFICATE_BYTES);
        if (tlsDirectory == null) {
            throw HttpProblem.of(409, "config.cert.httpsOff");
        }
        try {
            io.branchbox.admin.tls.UploadedCertificate.Installed done = io.branchbox.admin.tls.UploadedCertificate
                    .install(tlsDirectory, body, ctx.header(CERTIFICATE_PASSWORD_HEADER), clock);
            log.info("{} uploaded an HTTPS certificate for {} (SHA-256 {}); used after a restart", user(ctx),
                    done.subject(), done.fingerprint());
            ctx.json(Map.of("fingerprint", done.fingerprint(), "subject", done.subject(),
                    "notAfter", done.notAfter().toString()));
        } catch (io.branchbox.admin.tls.UploadedCertificate.Refused r) {
            throw HttpProblem.of(422, r.problem().code());
        } catch (IOException e) {
            log.warn("cannot keep the uploaded certificate: {}", e.toString());
            throw HttpProblem.of(500, "core.error.internal");
        }
    }

    void current(Context ctx) {
        ctx.json(Map.of("revision", service.current().revision(), "document", ConfigDocuments.toTree(service.current()),
                "pendingRestart", service.pendingRestart()));
    }

    void check(Context ctx) {
        ConfigService.Check c = service.check(document(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", c.errors().isEmpty());
        out.put("errors", errors(c.errors()));
        c.plan().ifPresent(p -> out.put("plan", plan(p)));
        ctx.json(out);
    }

    void save(Context ctx) throws IOException {
        byte[] draft = document(ctx);
        long base = base(ctx);
        try {
            outcome(ctx, service.save(draft, base, user(ctx)));
        } catch (ConfigException e) {
            problems(ctx, e.errors());
        } catch (ConfigRevisions.StaleRevisionException e) {
            stale(ctx, e);
        }
    }

    void rollback(Context ctx) throws IOException {
        long revision = number(ctx.pathParam("revision"), "revision");
        try {
            outcome(ctx, service.rollback(revision, base(ctx), user(ctx)));
        } catch (ConfigRevisions.StaleRevisionException e) {
            stale(ctx, e);
        } catch (ConfigService.NoSuchRevisionException e) {
            throw HttpProblem.of(404, "config.api.notKept", revision);
        }
    }

    void revisions(Context ctx) throws IOException {
        Paging paging = Paging.of(ctx, HISTORY_PAGE);
        ctx.json(paging.of(service.history(HISTORY).stream().map(ConfigHandlers::audit).toList())
                .and(Map.of("live", service.current().revision(), "kept", service.kept())));
    }

    void revision(Context ctx) throws IOException {
        long n = number(ctx.pathParam("revision"), "revision");
        ctx.json(service.revision(n).map(ConfigDocuments::toTree)
                .orElseThrow(() -> HttpProblem.of(404, "config.api.notKept", n)));
    }

    void diff(Context ctx) throws IOException {
        long from = number(ctx.queryParam("from"), "from");
        long to = number(ctx.queryParam("to"), "to");
        try {
            ctx.json(Map.of("from", from, "to", to, "changes", changes(service.diff(from, to))));
        } catch (ConfigService.NoSuchRevisionException e) {
            throw HttpProblem.of(404, "config.api.notKeptPair", from, to);
        }
    }

    void restart(Context ctx) {
        if (!service.restart(user(ctx))) {
            throw HttpProblem.of(501, "config.api.noServiceManager");
        }
        ctx.status(202).json(Map.of("restarting", true));
    }

    /** Tries the uplink settings of the body (the form's, not yet saved) against the broker once. */
    void uplinkTest(Context ctx) {
        BoxConfig.Uplink u = bodies.json(ctx, BoxConfig.Uplink.class);
        if (u.serverUri() == null || !(u.serverUri().startsWith("tcp://") || u.serverUri().startsWith("ssl://"))) {
            throw HttpProblem.badRequest("serverUri: must start with tcp:// or ssl://");
        }
        UplinkTester.Result r = service.testUplink(u);
        log.info("{} tested the uplink to {}: {}", user(ctx), u.serverUri(), r.code());
        ctx.json(Map.of("ok", r.ok(), "code", r.code(), "detail", r.detail()));
    }

    private static void outcome(Context ctx, ConfigService.Outcome o) {
        ctx.json(Map.of("revision", o.config().revision(), "changes", changes(o.changes()), "plan", plan(o.plan()),
                "pendingRestart", o.pendingRestart()));
    }

    private static void problems(Context ctx, List<ConfigError> errors) {
        ctx.status(422).json(Map.of("error", "the document has " + errors.size() + " problem(s)", "errors",
                errors(errors)));
    }

    private static void stale(Context ctx, ConfigRevisions.StaleRevisionException e) {
        ctx.status(409).json(Map.of("error", e.getMessage(), "code", "config.err.stale", "current", e.current()));
    }

    private static List<Map<String, Object>> errors(List<ConfigError> errors) {
        return errors.stream().map(e -> Map.<String, Object>of("path", e.path(), "code", e.code(), "args", e.args(),
                "message", e.message())).toList();
    }

    private static Map<String, Object> plan(ConfigApplyPlan p) {
        return Map.of("live", p.live(), "restart", p.restart());
    }

    private static List<Map<String, Object>> changes(List<ConfigDiff.Change> changes) {
        return changes.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", c.path());
            m.put("before", c.before());
            m.put("after", c.after());
            return m;
        }).toList();
    }

    private static Map<String, Object> audit(ConfigRevisions.AuditRecord r) {
        return Map.of("revision", r.revision(), "at", r.at().toString(), "user", r.user(), "action", r.action().name(),
                "from", r.from(), "changes", changes(r.changes()));
    }

    private static long base(Context ctx) {
        return number(ctx.queryParam("baseRevision"), "baseRevision");
    }

    private static long number(String s, String what) {
        if (s == null || !s.matches("\\d{1,15}")) {
            throw HttpProblem.badRequest("config.api.revisionNumber", what);
        }
        return Long.parseLong(s);
    }

    /** The raw document: JSON content type, at most {@link #MAX_DOCUMENT_BYTES}, read without trusting Content-Length. */
    private static byte[] document(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw HttpProblem.of(415, "config.api.sendJson");
        }
        return limited(ctx, MAX_DOCUMENT_BYTES);
    }

    /** The body, at most {@code max} bytes, read without trusting Content-Length. */
    private static byte[] limited(Context ctx, int max) {
        if (ctx.req().getContentLengthLong() > max) {
            throw HttpProblem.of(413, "config.api.tooLarge", max / 1024);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw HttpProblem.of(413, "config.api.tooLarge", max / 1024);
            }
            return body;
        } catch (IOException e) {
            throw HttpProblem.badRequest("config.api.unreadable");
        }
    }

    private static String user(Context ctx) {
        return SecurityGuard.principal(ctx).user().username();
    }
}
