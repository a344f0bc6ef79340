package io.branchbox.admin.web;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.i18n.Language;
import io.branchbox.admin.prompts.PromptHandlers;
import io.branchbox.admin.users.User;
import io.branchbox.admin.users.UserStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every handler: sets the security headers, refuses oversized bodies, and enforces the
 * {@link Access} of the matched route (login, permission, forced password change, CSRF, same origin).
 *
 * <p>Deny by default: a matched route without exactly one {@link Access} is refused. The account is
 * read again on every request so that disabling a user or changing their roles takes effect at once.
 * Threading: called on Jetty worker threads, concurrently; holds no mutable state of its own.
 */
final class SecurityGuard {
    static final String SESSION_COOKIE = "bbx_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "bbx.principal";
    // media from blob: lets the QA player fetch a recording once (one logged listen) for both its
    // waveform and its <audio>; scripts stay 'self' only
    private static final String CSP = "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'; object-src 'none'";
    private static final Logger log = LoggerFactory.getLogger(SecurityGuard.class);

    private final SessionStore sessions;
    private final UserStore users;
    private final RequestBodies bodies;
    private final IntSupplier httpsPort;

    /**
     * @param httpsPort when given, plain-HTTP requests (but the health check) are redirected to
     *                  HTTPS on the port it answers; null: HTTP is served
     */
    SecurityGuard(SessionStore sessions, UserStore users, RequestBodies bodies, IntSupplier httpsPort) {
        this.httpsPort = httpsPort;
        this.sessions = sessions;
        this.users = users;
        this.bodies = bodies;
    }

    /** Before every request, matched or not. */
    void headers(Context ctx) {
        if (ctx.req().isSecure()) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        } else if (httpsPort != null && !ctx.path().equals("/health-check")) {
            redirectToHttps(ctx);
            return;
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        if (!ctx.path().startsWith(PromptHandlers.UPLOAD_PREFIX) && !ConfigHandlers.takesDocument(ctx.path())) {
            // prompt uploads (WAV files) and configuration documents: their handlers enforce their own, larger limits
            bodies.checkDeclaredLength(ctx);
        }
    }

    private void redirectToHttps(Context ctx) {
        String host = ctx.header("Host");
        String name = host == null ? "localhost" : host.replaceFirst(":\\d+$", "");
        if (!name.matches("\\[?[A-Za-z0-9.:-]{1,253}]?")) {
            name = "localhost";
        }
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        ctx.header("Location", "https://" + name + ":" + httpsPort.getAsInt() + ctx.path() + query);
        ctx.status(HttpStatus.MOVED_PERMANENTLY);
        ctx.skipRemainingHandlers();
    }

    /** Before every matched route. */
    void authorize(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.size() != 1 || !(roles.iterator().next() instanceof Access access)) {
            log.error("route {} {} has no single Access rule; refusing it", ctx.method(), ctx.endpointHandlerPath());
            throw HttpProblem.forbidden("core.error.noAccessRule");
        }
        boolean unsafe = !isSafe(ctx.method());
        if (unsafe) {
            requireSameOrigin(ctx);
        }
        if (access instanceof Access.Public) {
            return;
        }
        Optional<Principal> principal = resolve(ctx);
        if (principal.isEmpty()) {
            refuseAnonymous(ctx);
            return;
        }
        User user = principal.get().user();
        boolean beforePasswordChange = switch (access) {
            case Access.SignedIn signedIn -> signedIn.allowedBeforePasswordChange();
            case Access.Permitted permitted -> {
                if (!user.may(permitted.permission())) {
                    throw HttpProblem.forbidden(MISSING_PERMISSION, permitted.permission());
                }
                yield permitted.allowedBeforePasswordChange();
            }
            case Access.Public p -> throw new IllegalStateException("public routes return above");
        };
        if (user.mustChangePassword() && !beforePasswordChange) {
            if (isPage(ctx)) {
                ctx.redirect("/password", HttpStatus.FOUND);
                ctx.skipRemainingHandlers();
                return;
            }
            throw HttpProblem.forbidden("core.error.passwordChangeRequired");
        }
        if (unsafe && !csrfMatches(ctx, principal.get().session())) {
            throw HttpProblem.forbidden("core.error.csrf", CSRF_HEADER);
        }
        ctx.attribute(PRINCIPAL, principal.get());
    }

    /** The principal attached by {@link #authorize}; only valid in handlers of signed-in routes. */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw HttpProblem.unauthorized();
        }
        return p;
    }

    /**
     * The language to answer in: the signed-in user's; for anonymous requests English only when
     * the browser asks for it first, else Chinese (the default).
     */
    Language languageOf(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p != null) {
            return p.user().language();
        }
        Optional<Principal> resolved = ctx.cookie(SESSION_COOKIE) == null ? Optional.empty() : resolve(ctx);
        if (resolved.isPresent()) {
            return resolved.get().user().language();
        }
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? Language.EN : Language.DEFAULT;
    }

    /** The session named by the request's cookie, if it is live and its user is enabled. */
    Optional<Principal> resolve(Context ctx) {
        String id = ctx.cookie(SESSION_COOKIE);
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Optional<WebSession> session = sessions.touch(id);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = users.find(session.get().username()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            sessions.invalidate(id);
            return Optional.empty();
        }
        return Optional.of(new Principal(session.get(), user.get()));
    }

    /** The catalogue key of the refusal of a user without the route's permission. */
    static final String MISSING_PERMISSION = "core.error.forbidden";

    private void refuseAnonymous(Context ctx) {
        if (isPage(ctx)) {
            ctx.redirect("/login", HttpStatus.FOUND);
            ctx.skipRemainingHandlers();
            return;
        }
        throw HttpProblem.unauthorized();
    }

    private static boolean isPage(Context ctx) {
        return ctx.method() == HandlerType.GET && !ctx.path().startsWith("/api/");
    }

    private static boolean isSafe(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }

    private static boolean csrfMatches(Context ctx, WebSession session) {
        String sent = ctx.header(CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Refuses state changes started by another site (login CSRF included): browsers send Origin
     * and Sec-Fetch-Site on such requests; non-browser clients send neither and pass.
     */
    private static void requireSameOrigin(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.equals("cross-site")) {
            throw HttpProblem.forbidden("core.error.crossSite");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.header("Host");
        String expected;
        String actual;
        try {
            URI uri = URI.create(origin);
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            actual = uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort());
            expected = host == null ? "" : withPort(host, defaultPort);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.forbidden("core.error.crossSite");
        }
        if (!actual.equalsIgnoreCase(expected)) {
            throw HttpProblem.forbidden("core.error.crossSite");
        }
    }

    private static String withPort(String hostHeader, int defaultPort) {
        // "[::1]:8080", "box.local:8080", "box.local", "[::1]"
        int colon = hostHeader.lastIndexOf(':');
        boolean hasPort = colon > 0 && colon > hostHeader.lastIndexOf(']');
        return hasPort ? hostHeader : hostHeader + ":" + defaultPort;
    }
}
