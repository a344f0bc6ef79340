package io.branchbox.admin.web;

import io.branchbox.admin.users.Permission;
import io.javalin.security.RouteRole;
import java.util.Objects;

/**
 * Who may call a route; every route in {@link AdminRoutes} carries exactly one.
 *
 * <p>{@link Public} is only for the login page and its assets and the health check;
 * {@link SignedIn} only for what every signed-in page needs; everything else names one
 * {@link Permission}. A route with no {@code Access} is refused (deny by default).
 */
public sealed interface Access extends RouteRole {

    /** Anybody, without logging in. */
    Access PUBLIC = new Public();

    /**
     * Any logged-in user, once any forced password change is done: only for what every page needs
     * (the navigation, the message catalogue, the own language), never for data.
     */
    static Access signedIn() {
        return new SignedIn(false);
    }

    /** Logged-in users who hold {@code permission}, once any forced password change is done. */
    static Access permission(Permission permission) {
        return new Permitted(permission, false);
    }

    /** As {@link #signedIn}, but also usable while a password change is still due (to make that change). */
    static Access signedInDuringPasswordChange() {
        return new SignedIn(true);
    }

    /** No login needed. */
    record Public() implements Access {}

    /**
     * Login needed, no particular permission.
     *
     * @param allowedBeforePasswordChange whether a user who must change the password may use it
     */
    record SignedIn(boolean allowedBeforePasswordChange) implements Access {}

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
