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
            + " recording_file, recording_sha256, recording_duration_ms,"
            + " wrap_up_code, notes, customer_name, holds, hold_ms, held_since, transfers, last_agent_id,"
            + " priority, voicemail_file, night_service, callback_requested, survey_rating";
    private static final int COLUMN_COUNT = 29;
    private static final String UPSERT = "MERGE INTO call_record (" + COLUMNS + ") KEY (call_id)"
            + " VALUES (" + "?, ".repeat(COLUMN_COUNT - 1) + "?)";
    static final String SELECT = "SELECT " + COLUMNS + " FROM call_record";

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
            setLong(ps, 16, r.recordingDurationMs());
            CallHandling h = r.handling();
            ps.setString(17, h.wrapUpCode());
            ps.setString(18, h.notes());
            ps.setString(19, h.customerName());
            ps.setInt(20, h.holds());
            ps.setLong(21, h.holdMs());
            setInstant(ps, 22, h.heldSince());
            ps.setInt(23, h.transfers());
            ps.setString(24, h.lastAgentId());
            setInt(ps, 25, h.priority());
            ps.setString(26, h.voicemailFile());
            ps.setBoolean(27, h.nightService());
            ps.setBoolean(28, h.callbackRequested());
            setInt(ps, 29, h.surveyRating());
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

    static List<CallRecord> read(PreparedStatement ps) throws SQLException {
        List<CallRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                CallHandling h = new CallHandling(rs.getString(17), rs.getString(18), rs.getString(19),
                        rs.getInt(20), rs.getLong(21), instant(rs, 22), rs.getInt(23), rs.getString(24),
                        integer(rs, 25), rs.getString(26), rs.getBoolean(27), rs.getBoolean(28), integer(rs, 29));
                Long duration = rs.getObject(16, Long.class);
                out.add(new CallRecord(rs.getString(1), CallDirection.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7), instant(rs, 8),
                        rs.getString(9), rs.getString(10), rs.getString(11),
                        CallDisposition.valueOf(rs.getString(12)), rs.getString(13), rs.getString(14),
                        rs.getString(15), duration, h));
            }
        }
        return out;
    }

    private static Integer integer(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, Integer.class);
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
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
