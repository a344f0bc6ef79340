package io.branchbox.firmware.recording;


import io.branchbox.firmware.journal.CallEvents.RecordingFinished;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code recording} table: which file belongs to which call, its checksum, legal hold,
 * deletion and verification state. Rows are created by {@link RecordingProjector} from
 * {@code recording.finished} journal events; {@link RecordingVerifier} and {@link StoragePolicy}
 * update their own columns.
 *
 * <p>The event's {@code file} is either absolute (what {@link RecordingResult#file()} gives when
 * the service's directory is absolute) or relative to the recordings directory; the catalog
 * stores it relative. A {@code recording.finished} event may carry the recorder's report, bytes,
 * lost frames and write error ({@link io.branchbox.firmware.journal.CallEvents.RecordingFinished},
 * {@link RecordingResult}); without them the recording counts as whole and its size is measured
 * at the first verification.
 *
 * <p>Threading: thread-safe; every method uses a pooled connection of its own (or the caller's,
 * where it takes one) and blocks on the database, so never call it from the audio path.
 */
public final class RecordingCatalog {
    private static final Logger log = LoggerFactory.getLogger(RecordingCatalog.class);

    private static final java.util.regex.Pattern SHA_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    static final String COLUMNS = "r.call_id, r.file, r.bytes, r.duration_ms, r.sha256, r.finished_at,"
            + " r.lost_frames, r.write_error, r.legal_hold, r.deleted_at, r.deleted_reason,"
            + " r.last_verified_at, r.verify_status";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM recording r";
    private static final String LIVE = " r.deleted_at IS NULL";
    // a replayed event must not undo a hold, a deletion or a verification
    private static final String MERGE = "MERGE INTO recording r USING (VALUES (CAST(? AS VARCHAR(64)))) AS s(id)"
            + " ON r.call_id = s.id"
            + " WHEN MATCHED THEN UPDATE SET file = ?, bytes = COALESCE(?, r.bytes), duration_ms = ?, sha256 = ?, finished_at = ?,"
            + " lost_frames = ?, write_error = ?"
            + " WHEN NOT MATCHED THEN INSERT (call_id, file, bytes, duration_ms, sha256, finished_at,"
            + " lost_frames, write_error) VALUES (s.id, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Path recordingsDir;

    /** {@code recordingsDir} is the directory the {@link RecordingService} writes below. */
    public RecordingCatalog(DataSource dataSource, Path recordingsDir) {
        this.dataSource = dataSource;
        this.recordingsDir = recordingsDir.toAbsolutePath().normalize();
    }

    public Path recordingsDir() {
        return recordingsDir;
    }

    /** The file of {@code e} on disk. */
    public Path resolve(CatalogEntry e) {
        return recordingsDir.resolve(e.file());
    }

    /** The catalog name of {@code file}: relative to the recordings directory when below it. */
    public String nameOf(Path file) {
        Path abs = recordingsDir.resolve(file).normalize();
        if (!abs.startsWith(recordingsDir)) {
            return abs.toString();
        }
        return recordingsDir.relativize(abs).toString().replace('\\', '/');
    }

    /**
     * Records a {@code recording.finished} event in {@code c}'s transaction. Returns false (and
     * logs) when the event names no file.
     */
    boolean applyFinished(Connection c, RecordingFinished e, Instant at, long seq) throws SQLException {
        String file = e.file();
        if (file.isBlank()) {
            log.warn("recording of call {} at seq {} names no file; not catalogued", e.callId(), seq);
            return false;
        }
        String sha = e.sha256();
        if (sha != null && !SHA_HEX.matcher(sha).matches()) {
            log.warn("recording of call {} at seq {}: checksum '{}' is not SHA-256 hex; stored without one", e.callId(), seq, sha);
            sha = null;
        }
        Object[] values = {nameOf(Path.of(file)), e.bytes(), e.duration() == null ? null : e.duration().toMillis(),
                sha, at, e.lostFrames(), blankToNull(e.writeError())};
        try (PreparedStatement ps = c.prepareStatement(MERGE)) {
            ps.setString(1, e.callId());
            for (int block = 0; block < 2; block++) {
                int base = 2 + block * values.length;
                ps.setString(base, (String) values[0]);
                Sql.setLong(ps, base + 1, (Long) values[1]);
                Sql.setLong(ps, base + 2, (Long) values[2]);
                ps.setString(base + 3, (String) values[3]);
                Sql.setInstant(ps, base + 4, (Instant) values[4]);
                Sql.setLong(ps, base + 5, (Long) values[5]);
                ps.setString(base + 6, (String) values[6]);
            }
            ps.executeUpdate();
        }
        return true;
    }

    public Optional<CatalogEntry> find(String callId) throws SQLException {
        List<CatalogEntry> l = query(SELECT + " WHERE r.call_id = ?", callId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Up to {@code limit} live recordings verified longest ago (never verified first). */
    public List<CatalogEntry> dueForVerification(int limit) throws SQLException {
        return query(SELECT + " WHERE" + LIVE + " ORDER BY r.last_verified_at NULLS FIRST, r.finished_at, r.call_id"
                + " LIMIT ?", limit);
    }

    /** Up to {@code limit} live recordings never verified, newest first: the sweep's fast first look. */
    public List<CatalogEntry> newestUnverified(int limit) throws SQLException {
        return query(SELECT + " WHERE" + LIVE + " AND r.last_verified_at IS NULL ORDER BY r.finished_at DESC, r.call_id"
                + " LIMIT ?", limit);
    }

    /** Live recordings finished in {@code [from, to)}, oldest first. */
    public List<CatalogEntry> finishedBetween(Instant from, Instant to) throws SQLException {
        return query(SELECT + " WHERE" + LIVE + " AND r.finished_at >= ? AND r.finished_at < ?"
                + " ORDER BY r.finished_at, r.call_id", from, to);
    }

    /** Up to {@code limit} live recordings not on legal hold finished before {@code cutoff}, oldest first. */
    public List<CatalogEntry> deletableBefore(Instant cutoff, int limit) throws SQLException {
        return query(SELECT + " WHERE" + LIVE + " AND NOT r.legal_hold AND r.finished_at < ?"
                + " ORDER BY r.finished_at, r.call_id LIMIT ?", cutoff, limit);
    }

    /**
     * Up to {@code limit} live recordings not on legal hold finished in {@code [from, cutoff)},
     * oldest first (for paging past recordings something else keeps).
     */
    public List<CatalogEntry> deletableBetween(Instant from, Instant cutoff, int limit) throws SQLException {
        return query(SELECT + " WHERE" + LIVE + " AND NOT r.legal_hold AND r.finished_at >= ? AND r.finished_at < ?"
                + " ORDER BY r.finished_at, r.call_id LIMIT ?", from, cutoff, limit);
    }

    /** Catalog names of every file the catalog still claims (not deleted). */
    public Set<String> liveFiles() throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT file FROM recording r WHERE" + LIVE);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Up to {@code limit} call ids of live recordings whose call has no call record, sorted. */
    public List<String> withoutCallRecord(int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT r.call_id FROM recording r"
                        + " LEFT JOIN call_record c ON c.call_id = r.call_id WHERE" + LIVE + " AND c.call_id IS NULL"
                        + " ORDER BY r.call_id LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** How many recordings are kept and the oldest one's finish time (null when none). */
    public record Totals(long live, long onHold, Instant oldest) {}

    public Totals totals() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(CASE WHEN legal_hold THEN 1 ELSE 0 END), 0),"
                        + " MIN(finished_at) FROM recording r WHERE" + LIVE);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2), Sql.instant(rs, 3));
        }
    }

    /** Stores a verification outcome; {@code bytes} null leaves the stored size. False if no such row. */
    public boolean markVerified(String callId, VerifyStatus status, Instant at, Long bytes) throws SQLException {
        return update("UPDATE recording SET verify_status = ?, last_verified_at = ?, bytes = COALESCE(?, bytes)"
                + " WHERE call_id = ?", status.name(), at, bytes, callId) == 1;
    }

    /** Marks the file deleted. False if no such live row. */
    public boolean markDeleted(String callId, Instant at, String reason) throws SQLException {
        return update("UPDATE recording SET deleted_at = ?, deleted_reason = ? WHERE call_id = ? AND deleted_at IS NULL",
                at, reason, callId) == 1;
    }

    /** Puts a recording on legal hold or releases it. False if no such row or its file is deleted. */
    public boolean setLegalHold(String callId, boolean hold) throws SQLException {
        return update("UPDATE recording SET legal_hold = ? WHERE call_id = ? AND deleted_at IS NULL", hold, callId) == 1;
    }

    /**
     * A recording together with what QA sampling selects by: the call's agent, queue, seat and
     * start (the shift follows from the start and the site's shift plan). Call fields are null
     * when the call record is missing.
     */
    public record RecordedCall(CatalogEntry recording, String agentId, String queue, String seat, Instant startedAt) {}

    /**
     * Live recordings of calls started in {@code [from, to)}, optionally only of {@code agentId}
     * and/or {@code queue} (null: any), oldest first, at most {@code limit}.
     */
    public List<RecordedCall> search(Instant from, Instant to, String agentId, String queue, int limit) throws SQLException {
        return search(from, to, agentId, queue, limit, "ASC");
    }

    /** As {@link #search}, but newest first: the {@code limit} most recent calls of the range. */
    public List<RecordedCall> searchRecent(Instant from, Instant to, String agentId, String queue, int limit)
            throws SQLException {
        return search(from, to, agentId, queue, limit, "DESC");
    }

    /**
     * One page of the recordings of calls started in {@code [from, to)}, newest first, optionally
     * only of {@code agentId}, {@code queue} and callers whose number contains {@code callerDigits}
     * (null: any; digits, '*' and '#' only, so it holds no LIKE wildcard), skipping {@code offset}
     * rows; with the number of all that match, for "21–40 of 57". Uses the call record's index on
     * the calling number only for a prefix, so a county box's few hundred calls a day stay cheap.
     */
    public Page searchPage(Instant from, Instant to, String agentId, String queue, String callerDigits, int offset,
            int limit) throws SQLException {
        if (callerDigits != null && !callerDigits.matches("[0-9*#]{1,32}")) {
            throw new IllegalArgumentException("caller digits must be 0-9, * or #");
        }
        String like = callerDigits == null ? null : "%" + callerDigits + "%";
        String where = " FROM recording r JOIN call_record c ON c.call_id = r.call_id"
                + " WHERE" + LIVE + " AND c.started_at >= ? AND c.started_at < ?"
                + " AND (CAST(? AS VARCHAR(64)) IS NULL OR c.agent_id = ?) AND (CAST(? AS VARCHAR(64)) IS NULL OR c.queue = ?)"
                + " AND (CAST(? AS VARCHAR(40)) IS NULL OR c.calling_number LIKE ?)";
        List<RecordedCall> out = new ArrayList<>();
        long total;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + where)) {
                bind(ps, from, to, agentId, agentId, queue, queue, like, like);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", c.agent_id, c.queue, c.seat, c.started_at"
                    + where + " ORDER BY c.started_at DESC, r.call_id DESC LIMIT ? OFFSET ?")) {
                bind(ps, from, to, agentId, agentId, queue, queue, like, like, limit, Math.max(0, offset));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RecordedCall(row(rs), rs.getString(14), rs.getString(15), rs.getString(16),
                                Sql.instant(rs, 17)));
                    }
                }
            }
        }
        return new Page(List.copyOf(out), total);
    }

    /** One page of a search and how many rows the whole search has. */
    public record Page(List<RecordedCall> rows, long total) {}

    private List<RecordedCall> search(Instant from, Instant to, String agentId, String queue, int limit, String order)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + ", c.agent_id, c.queue, c.seat, c.started_at FROM recording r"
                + " JOIN call_record c ON c.call_id = r.call_id"
                + " WHERE" + LIVE + " AND c.started_at >= ? AND c.started_at < ?"
                + " AND (CAST(? AS VARCHAR(64)) IS NULL OR c.agent_id = ?) AND (CAST(? AS VARCHAR(64)) IS NULL OR c.queue = ?)"
                + " ORDER BY c.started_at " + order + ", r.call_id " + order + " LIMIT ?";
        List<RecordedCall> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, from, to, agentId, agentId, queue, queue, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecordedCall(row(rs), rs.getString(14), rs.getString(15), rs.getString(16), Sql.instant(rs, 17)));
                }
            }
        }
        return out;
    }

    private List<CatalogEntry> query(String sql, Object... args) throws SQLException {
        List<CatalogEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                Sql.setInstant(ps, i + 1, t);
            } else if (a == null) {
                ps.setObject(i + 1, null);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    static CatalogEntry row(ResultSet rs) throws SQLException {
        String status = rs.getString(13);
        return new CatalogEntry(rs.getString(1), rs.getString(2), Sql.getLong(rs, 3), Sql.getLong(rs, 4),
                rs.getString(5), Sql.instant(rs, 6), Sql.getLong(rs, 7), rs.getString(8), rs.getBoolean(9),
                Sql.instant(rs, 10), rs.getString(11), Sql.instant(rs, 12),
                status == null ? null : VerifyStatus.valueOf(status));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
