package io.branchbox.admin.web;

import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.User;
import io.branchbox.admin.users.UserStore;
import io.branchbox.admin.users.UserStoreException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * User administration for technicians: list, create, disable and enable accounts.
 *
 * <p>New accounts must change their password at first login. A technician cannot disable their own
 * account (that could leave the box without an administrator). Threading: Jetty worker threads.
 */
final class UserHandlers {
    private final UserStore users;
    private final SessionStore sessions;
    private final RequestBodies bodies;

    UserHandlers(UserStore users, SessionStore sessions, RequestBodies bodies) {
        this.users = users;
        this.sessions = sessions;
        this.bodies = bodies;
    }

    /** Body of a user creation. */
    record NewUser(String username, String password, String role) {}

    /** A user as the API shows it. */
    record UserView(String username, String role, String created, boolean disabled, boolean mustChangePassword) {
        static UserView of(User u) {
            return new UserView(u.username(), u.role().name(), u.created().toString(), u.disabled(),
                    u.mustChangePassword());
        }
    }

    void list(Context ctx) {
        List<UserView> views = users.list().stream().map(UserView::of).toList();
        ctx.json(views);
    }

    void create(Context ctx) {
        NewUser request = bodies.json(ctx, NewUser.class);
        String username = RequestBodies.required(request.username(), "username");
        String password = RequestBodies.required(request.password(), "password");
        Role role = parseRole(RequestBodies.required(request.role(), "role"));
        try {
            User created = users.create(username, password, role);
            ctx.status(201).json(UserView.of(created));
        } catch (UserStoreException e) {
            throw toProblem(e);
        }
    }

    void disable(Context ctx) {
        String username = ctx.pathParam("username");
        if (username.equals(SecurityGuard.principal(ctx).user().username())) {
            throw HttpProblem.badRequest("you cannot disable your own account");
        }
        setDisabled(ctx, username, true);
        sessions.invalidateAllOf(username, null);
    }

    void enable(Context ctx) {
        setDisabled(ctx, ctx.pathParam("username"), false);
    }

    private void setDisabled(Context ctx, String username, boolean disabled) {
        if (!users.setDisabled(username, disabled)) {
            throw new HttpProblem(404, "no such user");
        }
        ctx.json(Map.of("ok", true));
    }

    private static Role parseRole(String text) {
        try {
            return Role.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("role must be one of TECHNICIAN, SUPERVISOR, AGENT, VIEWER");
        }
    }

    static HttpProblem toProblem(UserStoreException e) {
        return switch (e.reason()) {
            case REJECTED -> HttpProblem.badRequest(e.getMessage());
            case CONFLICT -> new HttpProblem(409, e.getMessage());
            case STORAGE -> throw e;
        };
    }
}
