package io.branchbox.admin.users;

import io.branchbox.admin.i18n.Language;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The SQL of {@link UserStore}: tables {@code admin_users} and {@code admin_user_roles}
 * (migrations V100, V110). Knows rows, not rules: validation, hashing and logging stay in the store.
 * Threading: thread-safe, one connection per call.
 */
final class UserTable {
    private static final String COLUMNS =
            "username, created_at, disabled, must_change_password, language, agent_id, totp_secret";

    private final DataSource dataSource;

    UserTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A user row with its secrets, for the store only. */
    record Stored(User user, String hash, Optional<String> totpSecret) {}

    int count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM admin_users");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw storage("cannot count users", e);
        }
    }

    Optional<Stored> find(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", password_hash FROM admin_users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                User user = toUser(rs, roles(c, username));
                return Optional.of(new Stored(user, rs.getString("password_hash"),
                        Optional.ofNullable(rs.getString("totp_secret"))));
            }
        } catch (SQLException e) {
            throw storage("cannot read user", e);
        }
    }

    List<User> list() {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Set<Role>> roles = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT username, role FROM admin_user_roles");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
                }
            }
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM admin_users ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    users.add(toUser(rs, roles.getOrDefault(rs.getString("username"), Set.of(Role.VIEWER))));
                }
            }
            return users;
        } catch (SQLException e) {
            throw storage("cannot list users", e);
        }
    }

    void insert(String username, String hash, Set<Role> roles, boolean mustChange, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO admin_users (username, password_hash, "
                    + "created_at, disabled, must_change_password) VALUES (?, ?, ?, FALSE, ?)")) {
                ps.setString(1, username);
                ps.setString(2, hash);
                ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setBoolean(4, mustChange);
                ps.executeUpdate();
                writeRoles(c, username, roles);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new UserStoreException(UserStoreException.Reason.CONFLICT, "core.error.userExists", e);
            }
            throw storage("cannot create user", e);
        }
    }

    /** Replaces the user's roles; false when there is no such user. */
    boolean setRoles(String username, Set<Role> roles) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM admin_users WHERE username = ? FOR UPDATE");
                 PreparedStatement clear = c.prepareStatement("DELETE FROM admin_user_roles WHERE username = ?")) {
                exists.setString(1, username);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return false;
                    }
                }
                clear.setString(1, username);
                clear.executeUpdate();
                writeRoles(c, username, roles);
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw storage("cannot change roles", e);
        }
    }

    /** Runs an UPDATE or DELETE whose last parameter is the username; returns the rows changed. */
    int update(String sql, Object... leading) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < leading.length; i++) {
                ps.setObject(i + 1, leading[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw storage("cannot update user", e);
        }
    }

    private static void writeRoles(Connection c, String username, Set<Role> roles) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO admin_user_roles (username, role) VALUES (?, ?)")) {
            for (Role role : roles) {
                ps.setString(1, username);
                ps.setString(2, role.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Set<Role> roles(Connection c, String username) throws SQLException {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT role FROM admin_user_roles WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(Role.valueOf(rs.getString(1)));
                }
            }
        }
        // a row without roles (never written by this code) may only see the status
        return roles.isEmpty() ? EnumSet.of(Role.VIEWER) : roles;
    }

    private static User toUser(ResultSet rs, Set<Role> roles) throws SQLException {
        return new User(
                rs.getString("username"),
                roles,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("disabled"),
                rs.getBoolean("must_change_password"),
                Language.ofTag(rs.getString("language")).orElse(Language.DEFAULT),
                Optional.ofNullable(rs.getString("agent_id")),
                rs.getString("totp_secret") != null);
    }

    private static UserStoreException storage(String message, SQLException e) {
        return new UserStoreException(UserStoreException.Reason.STORAGE, message, e);
    }
}
