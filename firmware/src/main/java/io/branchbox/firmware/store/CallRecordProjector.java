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
 * <p>Wiring at start-up: {@link #catchUp} (re-applies what the database lost in a power cut), then
 * {@code journal.addListener(projector)}. {@link #rebuild} recreates the table from the whole
 * journal (after a schema change or a damaged database). Every applied event updates the
 * {@code projection_offset} row in the same transaction as the record, so an event is applied
 * exactly once even across crashes.
 *
 * <p>Threading: {@link #accept} runs on the journal's writer thread; {@link #catchUp} and
 * {@link #rebuild} on the start-up thread, before the listener is added. All methods are
 * synchronized. A database error in {@link #accept} is logged and counted; the event stays in the
 * journal and is applied by the next {@link #catchUp}.
 */
public final class CallRecordProjector implements Consumer<JournalEvent> {
    private static final Logger log = LoggerFactory.getLogger(CallRecordProjector.class);
    static final String NAME = "call_record";
    private static final int REBUILD_COMMIT_EVERY = 1000;

    private final DataSource dataSource;
    private final CallRecordRepository repository;
    private final AtomicLong failures = new AtomicLong();
    private long lastSeq = -1;

    public CallRecordProjector(DataSource dataSource) {
        this.dataSource = dataSource;
        this.repository = new CallRecordRepository(dataSource);
    }

    /** Applies one durable event; a listener for {@link EventJournal#addListener}. */
    @Override
    public synchronized void accept(JournalEvent e) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (apply(c, e)) {
                c.commit();
            }
        } catch (SQLException ex) {
            // the offset in memory may be ahead of what was committed: read it again next time
            lastSeq = -1;
            failures.incrementAndGet();
            log.error("call record projection failed at seq {} ({} for {}); catchUp will retry",
                    e.seq(), e.type(), e.callId(), ex);
        }
    }

    /** Applies every journal event newer than the stored offset. Returns how many were applied. */
    public synchronized long catchUp(EventJournal journal) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            lastSeq = readOffset(c);
        }
        long applied = replayInto(journal);
        log.info("call records caught up: {} event(s) applied, offset now {}", applied, lastSeq);
        return applied;
    }

    /** Empties the table and applies the whole journal. Returns how many events were applied. */
    public synchronized long rebuild(EventJournal journal) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            repository.deleteAll(c);
            writeOffset(c, 0);
            c.commit();
        }
        lastSeq = 0;
        long applied = replayInto(journal);
        log.info("call records rebuilt from the journal: {} event(s) applied", applied);
        return applied;
    }

    /** The last journal sequence number reflected in the table, -1 before the first catch-up. */
    public synchronized long lastAppliedSeq() {
        return lastSeq;
    }

    /** Events that could not be applied because of database errors. */
    public long failures() {
        return failures.get();
    }

    private long replayInto(EventJournal journal) throws IOException, SQLException {
        long[] applied = {0};
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                journal.replay(e -> {
                    try {
                        if (apply(c, e) && ++applied[0] % REBUILD_COMMIT_EVERY == 0) {
                            c.commit();
                        }
                    } catch (SQLException ex) {
                        throw new UncheckedSql(ex);
                    }
                });
            } catch (UncheckedSql ex) {
                c.rollback();
                lastSeq = -1;
                throw ex.sql;
            }
            c.commit();
        }
        return applied[0];
    }

    /** Applies {@code e} in {@code c}'s open transaction; false when nothing needed writing. */
    private boolean apply(Connection c, JournalEvent e) throws SQLException {
        if (lastSeq < 0) {
            lastSeq = readOffset(c);
        }
        if (e.seq() <= lastSeq || !CallRecordFold.affectsRecord(e)) {
            return false;
        }
        CallRecord current = repository.find(c, e.callId()).orElse(null);
        repository.upsert(c, CallRecordFold.apply(current, e));
        writeOffset(c, e.seq());
        lastSeq = e.seq();
        return true;
    }

    private static long readOffset(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM projection_offset WHERE projection = ?")) {
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

    /** Carries an SQL error out of the replay callback to {@link #replayInto}. */
    private static final class UncheckedSql extends RuntimeException {
        final SQLException sql;

        UncheckedSql(SQLException sql) {
            super(sql.getMessage(), sql, false, false);
            this.sql = sql;
        }
    }
}
