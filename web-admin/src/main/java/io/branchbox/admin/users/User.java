package io.branchbox.admin.users;

import java.time.Instant;
import java.util.Objects;

/**
 * A web account as the rest of the admin sees it; the password hash never leaves {@link UserStore}.
 *
 * @param username           login name, see {@link UserStore#USERNAME_PATTERN}
 * @param role               what the user may do
 * @param created            when the account was created
 * @param disabled           a disabled user cannot log in and loses open sessions
 * @param mustChangePassword the user may do nothing but change the password until this clears
 */
public record User(String username, Role role, Instant created, boolean disabled, boolean mustChangePassword) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
    }
}
