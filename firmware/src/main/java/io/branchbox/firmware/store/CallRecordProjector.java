package io.branchbox.firmware.store;

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
 * Keeps the {@code call_record} table a view of the journal.
 *
 * <p>Wiring at start-up: {@link #attach} (re-applies whatever the database lost in a power cut,
 * then listens to the journal). {@link #rebuild} recreates the table from the whole journal
 * (after a schema change or a damaged database). Every applied event updates the
 * {@code projection_offset} row in the same transaction as the record, so each event is applied
 * exactly once even across crashes.
 *
 * <p>Gaps heal themselves: when the listener sees a sequence number beyond the next one (events
 * appended while attaching, or a database error made it drop events) it replays the missing part
 * from the journal on the spot. That replay runs on the journal writer thread and delays the
 * journal's listeners meanwhile; it reads only the segments involved.
 *
 * <p>Threading: {@link #accept} runs on the journal's writer thread; {@link #attach},
 * {@link #catchUp} and {@link #rebuild} on the start-up thread. All methods are synchronized. A
 * database error in {@link #accept} is logged and counted, never thrown into the journal.
 */
public final class CallRecordProjector implements Consumer<JournalEvent> {
    private static final Logger log = LoggerFactory.getLogger(CallRecordProjector.class);
    static final String NAME = "call_record";
    private static final int REPLAY_COMMIT_EVERY = 1000;
    private static final long UNKNOWN = -1;

    private final DataSource dataSource;
    private final CallRecordRepository repository;
    private final AtomicLong failures = new AtomicLong();
    private EventJournal attached;
    /** Highest journal sequence number looked at (applied or not relevant); UNKNOWN until read. */
    private long seenSeq = UNKNOWN;

    public CallRecordProjector(DataSource dataSource) {
        this.dataSource = dataSource;
        this.repository = new CallRecordRepository(dataSource);
    }

    /** Catches up with {@code journal}, then follows it as a listener. */
    public synchronized void attach(EventJournal journal) throws IOException, SQLException {
        catchUp(journal);
        attached = journal;
        journal.addListener(this);
    }

    /** Applies one durable event; the listener entry point. */
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
                // e is durable, so the replay reaches it too
                log.info("call records: gap after seq {}, replaying up to {}", seenSeq, e.seq());
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
            log.error("call record projection failed at seq {} ({} for {})", e.seq(), e.type(), e.callId(), ex);
        }
    }

    /** Applies every journal event newer than the stored offset. Returns how many changed a record. */
    public synchronized long catchUp(EventJournal journal) throws IOException, SQLException {
        seenSeq = readOffset();
        long applied = replayFromSeen(journal);
        log.info("call records caught up: {} event(s) applied, now at seq {}", applied, seenSeq);
        return applied;
    }

    /** Empties the table and applies the whole journal. Returns how many events changed a record. */
    public synchronized long rebuild(EventJournal journal) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            repository.deleteAll(c);
            writeOffset(c, 0);
            c.commit();
        }
        seenSeq = 0;
        long applied = replayFromSeen(journal);
        log.info("call records rebuilt from the journal: {} event(s) applied", applied);
        return applied;
    }

    /** The last journal sequence number reflected in the table, -1 before it was read. */
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

    /** Applies {@code e} in {@code c}'s open transaction; false when nothing needed writing. */
    private boolean apply(Connection c, JournalEvent e) throws SQLException {
        if (e.seq() <= seenSeq) {
            return false;
        }
        seenSeq = e.seq();
        if (!CallRecordFold.affectsRecord(e)) {
            return false;
        }
        CallRecord current = repository.find(c, e.callId()).orElse(null);
        repository.upsert(c, CallRecordFold.apply(current, e));
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
