package io.branchbox.admin.web;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.users.Permission;
import io.branchbox.admin.users.Totp;
import io.branchbox.admin.users.User;
import io.branchbox.admin.users.UserStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optional second factor (RFC 6238) for technicians: the login's check of the code, turning it
 * on (a fresh secret is offered, and saved only once a code from the phone matches it), off with a
 * current code, and off by another administrator when a phone is lost.
 *
 * <p>A code is accepted once: the step it belongs to must be later than the last one used, so a
 * code seen over a shoulder cannot be replayed. Threading: Jetty worker threads; the last steps are
 * in a concurrent map (lost at restart, when every code of the window has expired anyway but one).
 */
final class TotpHandlers {
    static final String ISSUER = "BranchBox";

    private final UserStore users;
    private final RequestBodies bodies;
    private final Clock clock;
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();

    TotpHandlers(UserStore users, RequestBodies bodies, Clock clock) {
        this.users = users;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** Body of turning the second factor on. */
    record Enable(String secret, String code) {}

    /** Body of turning it off. */
    record Disable(String code) {}

    /** Whether {@code code} is the user's current code, not used before; consumes it when it is. */
    boolean accept(User user, String code) {
        Optional<String> secret = users.totpSecret(user.username());
        if (secret.isEmpty()) {
            return true;
        }
        long step = Totp.matchingStep(secret.get(), code, clock.instant());
        if (step < 0) {
            return false;
        }
        boolean[] fresh = {false};
        lastStep.compute(user.username(), (name, previous) -> {
            if (previous == null || step > previous) {
                fresh[0] = true;
                return step;
            }
            return previous;
        });
        return fresh[0];
    }

    /** {@code GET /api/me/totp}: whether it is on, and a fresh secret to turn it on with. */
    void offer(Context ctx) {
        User user = technician(ctx);
        String secret = Totp.newSecret();
        ctx.json(Map.of("enabled", user.totpEnabled(), "secret", secret,
                "uri", Totp.uri(ISSUER, user.username(), secret)));
    }

    /** {@code POST /api/me/totp {"secret", "code"}}: saves the secret once a code matches it. */
    void enable(Context ctx) {
        User user = technician(ctx);
        Enable body = bodies.json(ctx, Enable.class);
        String secret = RequestBodies.required(body.secret(), "secret");
        if (Totp.matchingStep(secret, body.code(), clock.instant()) < 0) {
            throw HttpProblem.badRequest("core.error.totpCode");
        }
        users.setTotpSecret(user.username(), Optional.of(secret));
        ctx.json(Map.of("ok", true));
    }

    /** {@code POST /api/me/totp/off {"code"}}: only with a current code. */
    void disable(Context ctx) {
        User user = SecurityGuard.principal(ctx).user();
        if (!accept(user, bodies.json(ctx, Disable.class).code())) {
            throw HttpProblem.badRequest("core.error.totpCode");
        }
        users.setTotpSecret(user.username(), Optional.empty());
        ctx.json(Map.of("ok", true));
    }

    /** {@code POST /api/users/{username}/totp/off}: an administrator helps someone whose phone is lost. */
    void reset(Context ctx) {
        if (!users.setTotpSecret(ctx.pathParam("username"), Optional.empty())) {
            throw HttpProblem.of(404, "core.error.noSuchUser");
        }
        ctx.json(Map.of("ok", true));
    }

    private static User technician(Context ctx) {
        User user = SecurityGuard.principal(ctx).user();
        if (!user.may(Permission.CONFIG_EDIT) && !user.may(Permission.USERS_MANAGE)) {
            throw HttpProblem.forbidden("core.error.totpNotForRole");
        }
        return user;
    }
}
