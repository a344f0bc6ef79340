package io.branchbox.admin.users;

import io.branchbox.admin.i18n.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web accounts (tables {@code admin_users} and {@code admin_user_roles}, see {@link UserTable}).
 *
 * <p>Contract: the schema is migrated before the store is used. There is no default password:
 * on first start {@link #ensureInitialAdmin(Path)} creates {@code admin} with a random password
 * written only to {@code <dataDir>/initial-admin-password} (mode 0600), and that user must change
 * it at first login; the file is deleted once it is changed. Passwords and hashes are never
 * logged and never returned.
 *
 * <p>Threading: thread-safe; every method takes its own connection from the data source and may
 * block on the database and on password hashing (tens of milliseconds), so never call it from a
 * telephony thread.
 */
public final class UserStore {
    public static final String INITIAL_ADMIN = "admin";
    public static final String INITIAL_PASSWORD_FILE = "initial-admin-password";
    /** Letters, digits, dot, dash, underscore; 1..32 characters. */
    public static final Pattern USERNAME_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private static final Logger log = LoggerFactory.getLogger(UserStore.class);
    private final UserTable table;
    private final PasswordHasher hasher;
    private final Clock clock;
    private volatile Path initialPasswordFile;

    public UserStore(DataSource dataSource, PasswordHasher hasher, Clock clock) {
        this.table = new UserTable(dataSource);
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates the initial administrator when the table is empty; otherwise does nothing. Call it
     * once at startup, before the web server starts; two concurrent first starts on the same data
     * directory are not supported (the loser's cleanup could remove the winner's file).
     *
     * @return the password file when it was written now, else empty
     * @throws UserStoreException when the file or the database cannot be written; the box must
     *         not start its web admin without a usable administrator
     */
    public Optional<Path> ensureInitialAdmin(Path dataDir) {
        Path file = dataDir.resolve(INITIAL_PASSWORD_FILE);
        initialPasswordFile = file;
        if (table.count() > 0) {
            return Optional.empty();
        }
        String password = PasswordPolicy.generate();
        try {
            // file first: an admin row whose password nobody can read would lock the box for good
            SecretFile.write(file, password);
        } catch (IOException e) {
            throw new UserStoreException(UserStoreException.Reason.STORAGE,
                    "cannot write initial admin password to " + file, e);
        }
        try {
            table.insert(INITIAL_ADMIN, hasher.hash(password), Set.of(Role.TECHNICIAN), true, clock.instant());
        } catch (UserStoreException e) {
            deleteQuietly(file);
            throw e;
        }
        log.info("initial admin password written to {}", file);
        return Optional.of(file);
    }

    /**
     * Adds a user with one role who must change the given password at first login.
     *
     * @throws UserStoreException REJECTED for a bad name or weak password, CONFLICT if taken
     */
    public User create(String username, String password, Role role) {
        return create(username, password, Set.of(role), true);
    }

    /** As {@link #create(String, String, Role)}, choosing whether a password change is forced. */
    public User create(String username, String password, Role role, boolean mustChangePassword) {
        return create(username, password, Set.of(role), mustChangePassword);
    }

    /** A user holding several roles; see {@link #create(String, String, Role)}. */
    public User create(String username, String password, Set<Role> roles, boolean mustChangePassword) {
        requireValidName(username);
        requireRoles(roles);
        PasswordPolicy.problem(username, password).ifPresent(UserStore::reject);
        table.insert(username, hasher.hash(password), roles, mustChangePassword, clock.instant());
        log.info("user {} created with roles {}", username, roles);
        return find(username).orElseThrow();
    }

    /** The user, if it exists (disabled ones included). */
    public Optional<User> find(String username) {
        return findStored(username).map(UserTable.Stored::user);
    }

    /** Every user, sorted by name. */
    public List<User> list() {
        return table.list();
    }

    /**
     * Checks a login's password (not its second factor). Spends the same time whether or not the
     * user exists.
     *
     * @return the user when the password matches and the account is enabled, else empty
     */
    public Optional<User> authenticate(String username, String password) {
        Optional<UserTable.Stored> stored = findStored(username);
        if (stored.isEmpty()) {
            hasher.verifyDecoy(password);
            return Optional.empty();
        }
        boolean matches = hasher.verify(password, stored.get().hash());
        User user = stored.get().user();
        return matches && !user.disabled() ? Optional.of(user) : Optional.empty();
    }

    /**
     * Replaces the password after checking the current one, and clears "must change".
     *
     * @return false when {@code currentPassword} is wrong (nothing changed)
     * @throws UserStoreException REJECTED when the new password breaks {@link PasswordPolicy} or
     *         equals the current one
     */
    public boolean changePassword(String username, String currentPassword, String newPassword) {
        Optional<User> user = authenticate(username, currentPassword);
        if (user.isEmpty()) {
            return false;
        }
        PasswordPolicy.problem(username, newPassword).ifPresent(UserStore::reject);
        if (newPassword.equals(currentPassword)) {
            reject("core.error.passwordUnchanged");
        }
        table.update("UPDATE admin_users SET password_hash = ?, must_change_password = FALSE WHERE username = ?",
                hasher.hash(newPassword), username);
        log.info("password of user {} changed", username);
        if (user.get().mustChangePassword() && INITIAL_ADMIN.equals(username)) {
            removeInitialPasswordFile();
        }
        return true;
    }

    /**
     * An administrator sets another user's password; the user must change it at next login.
     *
     * @return false when there is no such user
     * @throws UserStoreException REJECTED when the password breaks {@link PasswordPolicy}
     */
    public boolean resetPassword(String username, String newPassword) {
        PasswordPolicy.problem(username, newPassword).ifPresent(UserStore::reject);
        int rows = table.update("UPDATE admin_users SET password_hash = ?, must_change_password = TRUE WHERE username = ?",
                hasher.hash(newPassword), username);
        if (rows > 0) {
            log.info("password of user {} reset by an administrator", username);
        }
        return rows > 0;
    }

    /** Replaces the user's roles; false when there is no such user. */
    public boolean setRoles(String username, Set<Role> roles) {
        requireRoles(roles);
        boolean changed = table.setRoles(username, roles);
        if (changed) {
            log.info("roles of user {} set to {}", username, roles);
        }
        return changed;
    }

    /** The language of the user's pages; false when there is no such user. */
    public boolean setLanguage(String username, Language language) {
        return table.update("UPDATE admin_users SET language = ? WHERE username = ?", language.tag(), username) > 0;
    }

    /** Links the user to a console agent (empty: unlink); false when there is no such user. */
    public boolean linkAgent(String username, Optional<String> agentId) {
        agentId.ifPresent(id -> {
            if (!USERNAME_PATTERN.matcher(id).matches()) {
                reject("core.error.agentId");
            }
        });
        int rows = table.update("UPDATE admin_users SET agent_id = ? WHERE username = ?", agentId.orElse(null), username);
        if (rows > 0) {
            log.info("user {} linked to agent {}", username, agentId.orElse("(none)"));
        }
        return rows > 0;
    }

    /** The TOTP secret (Base32) of the user, if the second factor is on. */
    public Optional<String> totpSecret(String username) {
        return findStored(username).flatMap(UserTable.Stored::totpSecret);
    }

    /** Turns the second factor on with {@code base32Secret}, or off with empty; false when no such user. */
    public boolean setTotpSecret(String username, Optional<String> base32Secret) {
        int rows = table.update("UPDATE admin_users SET totp_secret = ? WHERE username = ?",
                base32Secret.orElse(null), username);
        if (rows > 0) {
            log.info("second factor of user {} turned {}", username, base32Secret.isPresent() ? "on" : "off");
        }
        return rows > 0;
    }

    /** Deletes the account; false when there is no such user. */
    public boolean delete(String username) {
        int rows = table.update("DELETE FROM admin_users WHERE username = ?", username);
        if (rows > 0) {
            log.info("user {} deleted", username);
        }
        return rows > 0;
    }

    /** Disables or re-enables a user; returns false when there is no such user. */
    public boolean setDisabled(String username, boolean disabled) {
        int rows = table.update("UPDATE admin_users SET disabled = ? WHERE username = ?", disabled, username);
        if (rows > 0) {
            log.info("user {} {}", username, disabled ? "disabled" : "enabled");
        }
        return rows > 0;
    }

    private void removeInitialPasswordFile() {
        Path file = initialPasswordFile;
        if (file != null && Files.exists(file)) {
            deleteQuietly(file);
            log.info("initial admin password file {} removed after the password change", file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }

    private Optional<UserTable.Stored> findStored(String username) {
        if (username == null || !USERNAME_PATTERN.matcher(username).matches()) {
            return Optional.empty();
        }
        return table.find(username);
    }

    private static void requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            reject("core.error.roleNeeded");
        }
    }

    private static void requireValidName(String username) {
        if (username == null || !USERNAME_PATTERN.matcher(username).matches()) {
            reject("core.error.username");
        }
    }

    private static void reject(String message) {
        throw new UserStoreException(UserStoreException.Reason.REJECTED, message);
    }
}
