package io.branchbox.admin.web;

import io.branchbox.admin.http.HttpProblem;
import io.branchbox.admin.http.Paging;
import io.branchbox.admin.status.BoxStatusSource;
import io.branchbox.admin.users.PasswordPolicy;
import io.branchbox.admin.users.Permission;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.User;
import io.branchbox.admin.users.UserStore;
import io.branchbox.admin.users.UserStoreException;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * User administration: list, create, disable, enable, delete, reset another user's password,
 * change roles, link a web user to a console agent.
 *
 * <p>New and reset accounts must change their password at the next login. An administrator cannot
 * disable or delete their own account, nor take user management away from themselves (that could
 * leave the box without an administrator). Threading: Jetty worker threads.
 */
final class UserHandlers {
    private final UserStore users;
    private final SessionStore sessions;
    private final RequestBodies bodies;
    private final BoxStatusSource status;

    UserHandlers(UserStore users, SessionStore sessions, RequestBodies bodies, BoxStatusSource status) {
        this.status = status;
        this.users = users;
        this.sessions = sessions;
        this.bodies = bodies;
    }

    /** Body of a user creation; {@code role} is the single-role form of earlier releases. */
    record NewUser(String username, String password, List<String> roles, String role) {}

    /** Body of a role change. */
    record Roles(List<String> roles) {}

    /** Body of a password reset. */
    record Reset(String password) {}

    /** Body of an agent link; null or empty unlinks. */
    record AgentLink(String agentId) {}

    /** A user as the API shows it. */
    record UserView(String username, List<String> roles, String created, boolean disabled,
                    boolean mustChangePassword, String language, String agentId, boolean totpEnabled) {
        static UserView of(User u) {
            return new UserView(u.username(), u.sortedRoles().stream().map(Role::name).toList(),
                    u.created().toString(), u.disabled(), u.mustChangePassword(), u.language().tag(),
                    u.agentId().orElse(null), u.totpEnabled());
        }
    }

    /** A configured agent a web user may be linked to. */
    record AgentChoice(String agentId, String name) {}

    /** The configured agents, for linking a user without typing the agent's id. */
    void agents(Context ctx) {
        ctx.json(status.snapshot().agents().stream().map(a -> new AgentChoice(a.id(), a.name())).toList());
    }

    /** {@code GET /api/users?offset=&limit=}: the users by name, one page in the list envelope. */
    void list(Context ctx) {
        ctx.json(Paging.of(ctx).of(users.list().stream().map(UserView::of).toList()));
    }

    void create(Context ctx) {
        NewUser request = bodies.json(ctx, NewUser.class);
        String username = RequestBodies.required(request.username(), "username");
        String password = RequestBodies.required(request.password(), "password");
        List<String> names = request.roles() != null ? request.roles()
                : List.of(RequestBodies.required(request.role(), "roles"));
        Set<Role> roles = parseRoles(names);
        try {
            User created = users.create(username, password, roles, true);
            ctx.status(201).json(UserView.of(created));
        } catch (UserStoreException e) {
            throw toProblem(e);
        }
    }

    void disable(Context ctx) {
        String username = notSelf(ctx, "core.error.notSelfDisable");
        setDisabled(ctx, username, true);
        sessions.invalidateAllOf(username, null);
    }

    void enable(Context ctx) {
        setDisabled(ctx, ctx.pathParam("username"), false);
    }

    void delete(Context ctx) {
        String username = notSelf(ctx, "core.error.notSelfDelete");
        found(users.delete(username));
        sessions.invalidateAllOf(username, null);
        ctx.json(Map.of("ok", true));
    }

    void resetPassword(Context ctx) {
        String username = ctx.pathParam("username");
        String password = RequestBodies.required(bodies.json(ctx, Reset.class).password(), "password");
        try {
            found(users.resetPassword(username, password));
        } catch (UserStoreException e) {
            throw toProblem(e);
        }
        // whoever had the old password is out
        sessions.invalidateAllOf(username, null);
        ctx.json(Map.of("ok", true));
    }

    void setRoles(Context ctx) {
        String username = ctx.pathParam("username");
        Roles request = bodies.json(ctx, Roles.class);
        Set<Role> roles = parseRoles(request.roles() == null ? List.of() : request.roles());
        boolean self = username.equals(SecurityGuard.principal(ctx).user().username());
        if (self && !Role.permissionsOf(roles).contains(Permission.USERS_MANAGE)) {
            throw HttpProblem.badRequest("core.error.keepUsersManage");
        }
        found(users.setRoles(username, roles));
        ctx.json(Map.of("ok", true));
    }

    void linkAgent(Context ctx) {
        String username = ctx.pathParam("username");
        String agent = bodies.json(ctx, AgentLink.class).agentId();
        try {
            found(users.linkAgent(username, Optional.ofNullable(agent).filter(a -> !a.isBlank())));
        } catch (UserStoreException e) {
            throw toProblem(e);
        }
        ctx.json(Map.of("ok", true));
    }

    private String notSelf(Context ctx, String message) {
        String username = ctx.pathParam("username");
        if (username.equals(SecurityGuard.principal(ctx).user().username())) {
            throw HttpProblem.badRequest(message);
        }
        return username;
    }

    private void setDisabled(Context ctx, String username, boolean disabled) {
        found(users.setDisabled(username, disabled));
        ctx.json(Map.of("ok", true));
    }

    private static void found(boolean found) {
        if (!found) {
            throw HttpProblem.of(404, "core.error.noSuchUser");
        }
    }

    private static Set<Role> parseRoles(List<String> names) {
        if (names.isEmpty()) {
            throw HttpProblem.badRequest("core.error.roleNeeded");
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw HttpProblem.badRequest("core.error.roleUnknown", EnumSet.allOf(Role.class));
            }
        }
        return roles;
    }

    static HttpProblem toProblem(UserStoreException e) {
        return switch (e.reason()) {
            // REJECTED and CONFLICT carry a catalogue key; the password limits fill its arguments
            case REJECTED -> HttpProblem.badRequest(e.getMessage(), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
            case CONFLICT -> HttpProblem.of(409, e.getMessage());
            case STORAGE -> throw e;
        };
    }
}
