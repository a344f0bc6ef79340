package io.branchbox.firmware.recording;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The {@code recording_access} table: who did what with which recording, and when. Entries are
 * only ever added. The box's own acts (retention deletions) are logged under the user
 * {@link #SYSTEM}.
 *
 * <p>Callers: the web admin for {@link AccessAction#LISTEN} and {@link AccessAction#DOWNLOAD}
 * (before it sends the first byte), {@link RecordingExport}, {@link StoragePolicy}. Log first,
 * then serve: an access that cannot be logged must not happen, so {@link #record} throws.
 *
 * <p>Threading: thread-safe; blocks on the database.
 */
public final class AccessLog {
    /** The user name of the box itself. */
    public static final String SYSTEM = "system";
    private static final int MAX_DETAIL = 255;

    /** One logged access. {@code detail} may be null. */
    public record Entry(long id, Instant at, String user, String callId, AccessAction action, String detail) {}

    private final DataSource dataSource;
    private final Clock clock;

    public AccessLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Logs that {@code user} did {@code action} with the recording of {@code callId}, now. */
    public void record(String user, String callId, AccessAction action) throws SQLException {
        record(user, callId, action, null);
    }

    /** Like {@link #record(String, String, AccessAction)} with a free-text detail (cut to 255 chars). */
    public void record(String user, String callId, AccessAction action, String detail) throws SQLException {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(action, "action");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO recording_access (at, username, call_id, action, detail) VALUES (?, ?, ?, ?, ?)")) {
            Sql.setInstant(ps, 1, clock.instant());
            ps.setString(2, user);
            ps.setString(3, callId);
            ps.setString(4, action.name());
            ps.setString(5, detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
            ps.executeUpdate();
        }
    }

    /** Every access to {@code callId}'s recording, oldest first. */
    public List<Entry> forCall(String callId) throws SQLException {
        return query("WHERE call_id = ? ORDER BY at, id", callId, null);
    }

    /** Accesses in {@code [from, to)}, oldest first. */
    public List<Entry> between(Instant from, Instant to) throws SQLException {
        return query("WHERE at >= ? AND at < ? ORDER BY at, id", from, to);
    }

    private List<Entry> query(String where, Object a, Instant b) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id, at, username, call_id, action, detail FROM recording_access " + where)) {
            if (a instanceof Instant t) {
                Sql.setInstant(ps, 1, t);
                Sql.setInstant(ps, 2, b);
            } else {
                ps.setString(1, (String) a);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), Sql.instant(rs, 2), rs.getString(3), rs.getString(4),
                            AccessAction.valueOf(rs.getString(5)), rs.getString(6)));
                }
            }
        }
        return out;
    }
}
