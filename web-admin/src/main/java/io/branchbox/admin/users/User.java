package io.branchbox.admin.users;

import io.branchbox.admin.i18n.Language;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A web account as the rest of the admin sees it; the password hash and the TOTP secret never
 * leave {@link UserStore}.
 *
 * @param username           login name, see {@link UserStore#USERNAME_PATTERN}
 * @param roles              what the user may do: the union of these roles' permissions; never empty
 * @param created            when the account was created
 * @param disabled           a disabled user cannot log in and loses open sessions
 * @param mustChangePassword the user may do nothing but change the password until this clears
 * @param language           the language of the user's pages
 * @param agentId            the call-center agent this user acts as on the console, if linked
 * @param totpEnabled        whether login also asks for a one-time code (RFC 6238)
 */
public record User(String username, Set<Role> roles, Instant created, boolean disabled, boolean mustChangePassword,
                   Language language, Optional<String> agentId, boolean totpEnabled) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(agentId, "agentId");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user holds at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Everything the user's roles allow. */
    public Set<Permission> permissions() {
        return Role.permissionsOf(roles);
    }

    /** Whether any of the user's roles grants {@code permission}. */
    public boolean may(Permission permission) {
        for (Role r : roles) {
            if (r.permissions().contains(permission)) {
                return true;
            }
        }
        return false;
    }

    /** The roles in the enum's order (stable for display and for the landing page). */
    public List<Role> sortedRoles() {
        return List.copyOf(EnumSet.copyOf(roles));
    }

    /** Where the user lands after login: the home page of the first of their roles. */
    public String homePage() {
        return sortedRoles().getFirst().homePage();
    }

    /** The agent the console acts as: the linked agent, else an agent with the user's name. */
    public String consoleAgentId() {
        return agentId.orElse(username);
    }
}
