package io.branchbox.admin.web;

import io.branchbox.admin.users.Permission;
import io.branchbox.admin.users.Role;
import io.javalin.security.RouteRole;
import java.util.Objects;

/**
 * Who may call a route; every route in {@link AdminRoutes} carries exactly one.
 *
 * <p>{@link Public} is only for the login page and its assets and the health check. A route with
 * no {@code Access} is refused (deny by default).
 */
public sealed interface Access extends RouteRole {

    /** Anybody, without logging in. */
    Access PUBLIC = new Public();

    /** Logged-in users whose role covers {@code minimum}, once any forced password change is done. */
    static Access role(Role minimum) {
        return new SignedIn(minimum, false);
    }

    /** Logged-in users who hold {@code permission}, once any forced password change is done. */
    static Access permission(Permission permission) {
        return new Permitted(permission, false);
    }

    /** As {@link #role}, but also usable while a password change is still due (to make that change). */
    static Access roleDuringPasswordChange(Role minimum) {
        return new SignedIn(minimum, true);
    }

    /** No login needed. */
    record Public() implements Access {}

    /**
     * Login needed.
     *
     * @param minimum                 lowest role allowed
     * @param allowedBeforePasswordChange whether a user who must change the password may use it
     */
    record SignedIn(Role minimum, boolean allowedBeforePasswordChange) implements Access {
        public SignedIn {
            Objects.requireNonNull(minimum, "minimum");
        }
    }

    /**
     * Login and one permission needed.
     *
     * @param permission                  what the user must hold
     * @param allowedBeforePasswordChange whether a user who must change the password may use it
     */
    record Permitted(Permission permission, boolean allowedBeforePasswordChange) implements Access {
        public Permitted {
            Objects.requireNonNull(permission, "permission");
        }
    }
}
