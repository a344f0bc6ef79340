package io.branchbox.firmware.recording;

import static io.branchbox.firmware.store.CallEventTypes.RECORDING_FINISHED;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@code recording.finished} journal events into the {@link RecordingCatalog}, keeping its
 * own {@code projection_offset} row ({@value #NAME}) in the same transaction, like the call-record
 * projector: each event is applied exactly once across crashes, and a gap in sequence numbers is
 * replayed from the journal on the spot.
 *
 * <p>Unlike the call-record table the catalog is not emptied on a rebuild: legal holds, deletions
 * and verification results live only in the database, so a replay updates the event-derived
 * columns and leaves those alone ({@link #replayAll}).
 *
 * <p>Threading: {@link #accept} runs on the journal's writer thread; {@link #attach} and
 * {@link #replayAll} on the start-up thread. All methods are synchronized. A database error in
 * {@link #accept} is logged and counted, never thrown into the journal.
 */
public final class RecordingProjector implements Consumer<JournalEvent> {
    private static final Logger log = LoggerFactory.getLogger(RecordingProjector.class);
    static final String NAME = "recording";
    private static final int REPLAY_COMMIT_EVERY = 1000;
    private static final long UNKNOWN = -1;

    private final DataSource dataSource;
    private final RecordingCatalog catalog;
    private final AtomicLong failures = new AtomicLong();
    private EventJournal attached;
    private long seenSeq = UNKNOWN;

    public RecordingProjector(DataSource dataSource, RecordingCatalog catalog) {
        this.dataSource = dataSource;
        this.catalog = catalog;
    }

    /** Applies what the catalog missed (a power cut, a first start), then follows {@code journal}. */
    public synchronized void attach(EventJournal journal) throws IOException, SQLException {
        seenSeq = readOffset();
        long applied = replayFromSeen(journal);
        log.info("recording catalog caught up: {} recording(s) applied, now at seq {}", applied, seenSeq);
        attached = journal;
        journal.addListener(this);
    }

    /** Re-applies the whole journal over the catalog (after a damaged database). Returns recording events applied. */
    public synchronized long replayAll(EventJournal journal) throws IOException, SQLException {
        seenSeq = 0;
        long applied = replayFromSeen(journal);
        log.info("recording catalog replayed from the journal: {} recording(s) applied", applied);
        return applied;
    }

    @Override
    public synchronized void accept(JournalEvent e) {
        try {
            if (seenSeq == UNKNOWN) {
                seenSeq = readOffset();
            }
            if (e.seq() <= seenSeq) {
                return;
            }
            if (attached != null && e.seq() > seenSeq + 1) {
                log.info("recording catalog: gap after seq {}, replaying up to {}", seenSeq, e.seq());
                replayFromSeen(attached);
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                if (apply(c, e)) {
                    c.commit();
                }
            }
        } catch (SQLException | IOException ex) {
            // what was not committed is replayed at the next event, seen as a gap
            seenSeq = UNKNOWN;
            failures.incrementAndGet();
            log.error("recording catalog projection failed at seq {} ({} for {})", e.seq(), e.type(), e.callId(), ex);
        }
    }

    /** The last journal sequence number looked at, -1 before it was read. */
    public synchronized long lastAppliedSeq() {
        return seenSeq;
    }

    /** Events whose application failed on a database or journal error (and were retried later). */
    public long failures() {
        return failures.get();
    }

    private long replayFromSeen(EventJournal journal) throws IOException, SQLException {
        long[] applied = {0};
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                journal.replay(seenSeq + 1, e -> {
                    try {
                        if (apply(c, e) && ++applied[0] % REPLAY_COMMIT_EVERY == 0) {
                            c.commit();
                        }
                    } catch (SQLException ex) {
                        throw new UncheckedSql(ex);
                    }
                });
            } catch (UncheckedSql ex) {
                c.rollback();
                seenSeq = UNKNOWN;
                throw ex.sql;
            }
            c.commit();
        }
        return applied[0];
    }

    private boolean apply(Connection c, JournalEvent e) throws SQLException {
        if (e.seq() <= seenSeq) {
            return false;
        }
        seenSeq = e.seq();
        if (!RECORDING_FINISHED.equals(e.type()) || e.callId() == null) {
            return false;
        }
        // an unusable event is logged by the catalog; the offset still moves past it
        catalog.applyFinished(c, e);
        writeOffset(c, e.seq());
        return true;
    }

    private long readOffset() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM projection_offset WHERE projection = ?")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void writeOffset(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO projection_offset (projection, last_seq) KEY (projection) VALUES (?, ?)")) {
            ps.setString(1, NAME);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    /** Carries an SQL error out of the replay callback. */
    private static final class UncheckedSql extends RuntimeException {
        final SQLException sql;

        UncheckedSql(SQLException sql) {
            super(sql.getMessage(), sql, false, false);
            this.sql = sql;
        }
    }
}
