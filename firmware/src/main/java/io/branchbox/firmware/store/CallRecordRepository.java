package io.branchbox.firmware.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads and writes the {@code call_record} table.
 *
 * <p>The methods taking a {@link Connection} join the caller's transaction (the projector writes a
 * record and its journal offset together); the others use a pooled connection each. Thread-safe.
 * Errors surface as {@link SQLException}.
 */
public final class CallRecordRepository {
    private static final String COLUMNS = "call_id, direction, trunk, calling_number, called_number, started_at,"
            + " answered_at, ended_at, queue, agent_id, seat, disposition, release_cause,"
            + " recording_file, recording_sha256, recording_duration_ms";
    private static final String UPSERT = "MERGE INTO call_record (" + COLUMNS + ") KEY (call_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM call_record";

    private final DataSource dataSource;

    public CallRecordRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void upsert(CallRecord r) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            upsert(c, r);
        }
    }

    /** Inserts or replaces the record with {@code r.callId()} inside the caller's transaction. */
    public void upsert(Connection c, CallRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, r.callId());
            ps.setString(2, r.direction().name());
            ps.setString(3, r.trunk());
            ps.setString(4, r.callingNumber());
            ps.setString(5, r.calledNumber());
            setInstant(ps, 6, r.startedAt());
            setInstant(ps, 7, r.answeredAt());
            setInstant(ps, 8, r.endedAt());
            ps.setString(9, r.queue());
            ps.setString(10, r.agentId());
            ps.setString(11, r.seat());
            ps.setString(12, r.disposition().name());
            ps.setString(13, r.releaseCause());
            ps.setString(14, r.recordingFile());
            ps.setString(15, r.recordingSha256());
            if (r.recordingDurationMs() == null) {
                ps.setNull(16, Types.BIGINT);
            } else {
                ps.setLong(16, r.recordingDurationMs());
            }
            ps.executeUpdate();
        }
    }

    public Optional<CallRecord> find(String callId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return find(c, callId);
        }
    }

    public Optional<CallRecord> find(Connection c, String callId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE call_id = ?")) {
            ps.setString(1, callId);
            List<CallRecord> l = read(ps);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    /** The {@code limit} most recently started calls, newest first. */
    public List<CallRecord> recent(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY started_at DESC, call_id LIMIT ?")) {
            ps.setInt(1, limit);
            return read(ps);
        }
    }

    /** Calls started in {@code [from, to)}, oldest first. */
    public List<CallRecord> between(Instant from, Instant to) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        SELECT + " WHERE started_at >= ? AND started_at < ? ORDER BY started_at, call_id")) {
            setInstant(ps, 1, from);
            setInstant(ps, 2, to);
            return read(ps);
        }
    }

    /** Every record, oldest first; for rebuild checks and exports. */
    public List<CallRecord> all() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY started_at, call_id")) {
            return read(ps);
        }
    }

    /** Empties the table inside the caller's transaction (before a rebuild). */
    public void deleteAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM call_record")) {
            ps.executeUpdate();
        }
    }

    private static List<CallRecord> read(PreparedStatement ps) throws SQLException {
        List<CallRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long dur = rs.getLong(16);
                Long duration = rs.wasNull() ? null : dur;
                out.add(new CallRecord(rs.getString(1), CallDirection.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8),
                        rs.getString(9), rs.getString(10), rs.getString(11),
                        CallDisposition.valueOf(rs.getString(12)), rs.getString(13), rs.getString(14),
                        rs.getString(15), duration));
            }
        }
        return out;
    }

    private static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, v.atOffset(ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
