package io.branchbox.admin.web;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.users.LoginRateLimiter;
import io.branchbox.admin.users.User;
import io.branchbox.admin.users.UserStore;
import io.branchbox.admin.users.UserStoreException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, logout, the session description the pages need, and the password change.
 *
 * <p>Login accepts an HTML form (answered with 303 redirects) or JSON (answered with JSON). Failed
 * logins and wrong current passwords count against {@link LoginRateLimiter}; a limited client gets
 * 429 with {@code Retry-After} before any password is checked. Passwords are never logged; logged
 * usernames are limited to the valid username characters so that log lines cannot be forged.
 * Threading: Jetty worker threads, concurrently.
 */
final class AuthHandlers {
    private static final Logger log = LoggerFactory.getLogger(AuthHandlers.class);

    private final UserStore users;
    private final SessionStore sessions;
    private final LoginRateLimiter limiter;
    private final RequestBodies bodies;
    private final boolean forceSecureCookie;
    private final ZoneId siteZone;
    private final Navigation navigation;
    private final String certificate;
    private final TotpHandlers totp;

    AuthHandlers(UserStore users, SessionStore sessions, LoginRateLimiter limiter, RequestBodies bodies,
                 boolean forceSecureCookie, ZoneId siteZone, Navigation navigation, String certificate,
                 TotpHandlers totp) {
        this.totp = totp;
        this.certificate = certificate;
        this.siteZone = siteZone;
        this.navigation = navigation;
        this.users = users;
        this.sessions = sessions;
        this.limiter = limiter;
        this.bodies = bodies;
        this.forceSecureCookie = forceSecureCookie;
    }

    /** Body of a JSON login; {@code code} is the one-time code of a user with the second factor on. */
    record LoginRequest(String username, String password, String code) {}

    /** Body of a password change. */
    record PasswordChange(String currentPassword, String newPassword) {}

    void login(Context ctx) {
        boolean form = RequestBodies.isForm(ctx);
        LoginRequest request = form ? fromForm(bodies.form(ctx)) : bodies.json(ctx, LoginRequest.class);
        String username = RequestBodies.required(request.username(), "username");
        String password = RequestBodies.required(request.password(), "password");
        String address = ctx.ip();
        refuseIfLimited(ctx, username, address);
        Optional<User> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            limiter.recordFailure(username, address);
            log.warn("login failed for user {} from {}", printable(username), address);
            if (form) {
                ctx.redirect("/login?failed", HttpStatus.SEE_OTHER);
                return;
            }
            throw HttpProblem.of(401, "core.error.wrongLogin");
        }
        if (user.get().totpEnabled()) {
            if (request.code() == null || request.code().isBlank()) {
                // the password was right: ask for the code (the form shows its field)
                throw HttpProblem.of(401, "core.error.codeNeeded");
            }
            if (!totp.accept(user.get(), request.code().strip())) {
                limiter.recordFailure(username, address);
                log.warn("login of user {} from {}: wrong one-time code", user.get().username(), address);
                throw HttpProblem.of(401, "core.error.wrongCode");
            }
        }
        limiter.recordSuccess(username, address);
        String previous = ctx.cookie(SecurityGuard.SESSION_COOKIE);
        if (previous != null) {
            sessions.invalidate(previous);
        }
        WebSession session = sessions.create(user.get().username());
        setSessionCookie(ctx, session.id(), -1);
        log.info("user {} logged in from {}", user.get().username(), address);
        String next = user.get().mustChangePassword() ? "/password" : navigation.home(user.get());
        if (form) {
            ctx.redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        ctx.json(Map.of("ok", true, "mustChangePassword", user.get().mustChangePassword(), "next", next));
    }

    void logout(Context ctx) {
        Principal p = SecurityGuard.principal(ctx);
        sessions.invalidate(p.session().id());
        setSessionCookie(ctx, "", 0);
        log.info("user {} logged out", p.user().username());
        ctx.json(Map.of("ok", true));
    }

    /** {@code GET /home}: sends the user to their own start page. */
    void home(Context ctx) {
        ctx.redirect(navigation.home(SecurityGuard.principal(ctx).user()), HttpStatus.FOUND);
    }

    /** What the pages need: who is logged in, and the CSRF token to send back. */
    void session(Context ctx) {
        Principal p = SecurityGuard.principal(ctx);
        ctx.json(Map.of(
                "username", p.user().username(),
                "roles", p.user().sortedRoles().stream().map(Enum::name).toList(),
                "permissions", p.user().permissions().stream().map(Enum::name).sorted().toList(),
                "language", p.user().language().tag(),
                "home", navigation.home(p.user()),
                "nav", navigation.itemsFor(p.user()),
                "timeZone", browserZone(siteZone),
                "certificate", certificate,
                "mustChangePassword", p.user().mustChangePassword(),
                "csrfToken", p.session().csrfToken()));
    }

    void changePassword(Context ctx) {
        Principal p = SecurityGuard.principal(ctx);
        PasswordChange change = bodies.json(ctx, PasswordChange.class);
        String current = RequestBodies.required(change.currentPassword(), "currentPassword");
        String next = RequestBodies.required(change.newPassword(), "newPassword");
        String username = p.user().username();
        refuseIfLimited(ctx, username, ctx.ip());
        boolean changed;
        try {
            changed = users.changePassword(username, current, next);
        } catch (UserStoreException e) {
            throw UserHandlers.toProblem(e);
        }
        if (!changed) {
            limiter.recordFailure(username, ctx.ip());
            log.warn("password change for user {} refused: wrong current password", username);
            throw HttpProblem.forbidden("core.error.currentPasswordWrong");
        }
        // other browsers of this user may have been opened with the old password
        sessions.invalidateAllOf(username, p.session().id());
        ctx.json(Map.of("ok", true));
    }

    private void refuseIfLimited(Context ctx, String username, String address) {
        Duration wait = limiter.retryAfter(username, address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            log.warn("attempt for user {} from {} refused: too many failures", printable(username), address);
            throw HttpProblem.of(429, "core.error.tooManyAttempts", seconds);
        }
    }

    private void setSessionCookie(Context ctx, String value, int maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(SecurityGuard.SESSION_COOKIE).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (forceSecureCookie || ctx.req().isSecure()) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    /**
     * The site's zone as the browser's {@code Intl} names it: region ids as they are, a fixed
     * offset as "UTC" or "Etc/GMT-8" (whose sign is inverted by the tz database's convention).
     */
    static String browserZone(ZoneId zone) {
        if (zone.normalized() instanceof java.time.ZoneOffset offset) {
            int hours = offset.getTotalSeconds() / 3600;
            return hours == 0 ? "UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
        }
        return zone.getId();
    }

    private static LoginRequest fromForm(Map<String, String> fields) {
        return new LoginRequest(fields.get("username"), fields.get("password"), fields.get("code"));
    }

    private static String printable(String username) {
        return UserStore.USERNAME_PATTERN.matcher(username).matches() ? username : "<invalid name>";
    }
}
