package io.branchbox.admin.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web accounts, in table {@code admin_users} (migration {@code V100__admin_users.sql}).
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
    private static final String COLUMNS = "username, role, created_at, disabled, must_change_password";

    private final DataSource dataSource;
    private final PasswordHasher hasher;
    private final Clock clock;
    private volatile Path initialPasswordFile;

    public UserStore(DataSource dataSource, PasswordHasher hasher, Clock clock) {
        this.dataSource = dataSource;
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
        if (count() > 0) {
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
            insert(INITIAL_ADMIN, hasher.hash(password), Role.TECHNICIAN, true);
        } catch (UserStoreException e) {
            deleteQuietly(file);
            throw e;
        }
        log.info("initial admin password written to {}", file);
        return Optional.of(file);
    }

    /**
     * Adds a user who must change the given password at first login.
     *
     * @throws UserStoreException REJECTED for a bad name or weak password, CONFLICT if taken
     */
    public User create(String username, String password, Role role) {
        return create(username, password, role, true);
    }

    /** As {@link #create(String, String, Role)}, choosing whether a password change is forced. */
    public User create(String username, String password, Role role, boolean mustChangePassword) {
        requireValidName(username);
        PasswordPolicy.problem(username, password).ifPresent(UserStore::reject);
        insert(username, hasher.hash(password), role, mustChangePassword);
        log.info("user {} created with role {}", username, role);
        return find(username).orElseThrow();
    }

    /** The user, if it exists (disabled ones included). */
    public Optional<User> find(String username) {
        if (!USERNAME_PATTERN.matcher(username).matches()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM admin_users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toUser(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw storage("cannot read user", e);
        }
    }

    /** Every user, sorted by name. */
    public List<User> list() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM admin_users ORDER BY username");
             ResultSet rs = ps.executeQuery()) {
            List<User> users = new ArrayList<>();
            while (rs.next()) {
                users.add(toUser(rs));
            }
            return users;
        } catch (SQLException e) {
            throw storage("cannot list users", e);
        }
    }

    /**
     * Checks a login. Spends the same time whether or not the user exists.
     *
     * @return the user when the password matches and the account is enabled, else empty
     */
    public Optional<User> authenticate(String username, String password) {
        Optional<Stored> stored = findStored(username);
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
            reject("new password must differ from the current one");
        }
        update("UPDATE admin_users SET password_hash = ?, must_change_password = FALSE WHERE username = ?",
                hasher.hash(newPassword), username);
        log.info("password of user {} changed", username);
        if (user.get().mustChangePassword() && INITIAL_ADMIN.equals(username)) {
            removeInitialPasswordFile();
        }
        return true;
    }

    /** Disables or re-enables a user; returns false when there is no such user. */
    public boolean setDisabled(String username, boolean disabled) {
        int rows = update("UPDATE admin_users SET disabled = ? WHERE username = ?", disabled, username);
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

    private int count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM admin_users");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw storage("cannot count users", e);
        }
    }

    private void insert(String username, String hash, Role role, boolean mustChange) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO admin_users (username, password_hash, role, "
                     + "created_at, disabled, must_change_password) VALUES (?, ?, ?, ?, FALSE, ?)")) {
            ps.setString(1, username);
            ps.setString(2, hash);
            ps.setString(3, role.name());
            ps.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.setBoolean(5, mustChange);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new UserStoreException(UserStoreException.Reason.CONFLICT, "user " + username + " already exists", e);
            }
            throw storage("cannot create user", e);
        }
    }

    private int update(String sql, Object first, String username) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, first);
            ps.setString(2, username);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw storage("cannot update user", e);
        }
    }

    private Optional<Stored> findStored(String username) {
        if (!USERNAME_PATTERN.matcher(username).matches()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", password_hash FROM admin_users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(toUser(rs), rs.getString("password_hash"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw storage("cannot read user", e);
        }
    }

    private static User toUser(ResultSet rs) throws SQLException {
        return new User(
                rs.getString("username"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("disabled"),
                rs.getBoolean("must_change_password"));
    }

    private static void requireValidName(String username) {
        if (username == null || !USERNAME_PATTERN.matcher(username).matches()) {
            reject("username must be 1 to 32 letters, digits, '.', '-' or '_'");
        }
    }

    private static void reject(String message) {
        throw new UserStoreException(UserStoreException.Reason.REJECTED, message);
    }

    private static UserStoreException storage(String message, SQLException e) {
        return new UserStoreException(UserStoreException.Reason.STORAGE, message, e);
    }

    private record Stored(User user, String hash) {}
}
