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
 * A database view of the journal: the shared bookkeeping of every projection (call records, the
 * recording catalogue). Each applied event and the projection's row in {@code projection_offset}
 * are written in one transaction, so every event is applied exactly once, even across crashes.
 *
 * <p>Gaps heal themselves: when the listener sees a sequence number beyond the next one (events
 * appended while attaching, or a database error made it drop events) it replays the missing part
 * from the journal on the spot. That replay runs on the journal writer thread and delays the
 * journal's listeners meanwhile; it reads only the segments involved.
 *
 * <p>Threading: {@link #accept} runs on the journal's writer thread; {@link #attach} and the
 * replays on the start-up thread. All are synchronized. A database error in {@link #accept} is
 * logged and counted, never thrown into the journal.
 */
public abstract class JournalProjection implements Consumer<JournalEvent> {
    private static final Logger log = LoggerFactory.getLogger(JournalProjection.class);
    private static final int REPLAY_COMMIT_EVERY = 1000;
    private static final long UNKNOWN = -1;

    protected final DataSource dataSource;
    private final String name;
    private final AtomicLong failures = new AtomicLong();
    private EventJournal attached;
    /** Highest journal sequence number looked at (applied or not relevant); UNKNOWN until read. */
    private long seenSeq = UNKNOWN;

    protected JournalProjection(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /**
     * Applies {@code e} in {@code c}'s open transaction. Returns false when the event does not
     * concern this projection (nothing written). Called once per event, in journal order.
     */
    protected abstract boolean apply(Connection c, JournalEvent e) throws SQLException;

    /** Catches up with {@code journal}, then follows it as a listener. */
    public synchronized void attach(EventJournal journal) throws IOException, SQLException {
        catchUp(journal);
        attached = journal;
        journal.addListener(this);
    }

    /** Applies every journal event newer than the stored offset. Returns how many were applied. */
    public synchronized long catchUp(EventJournal journal) throws IOException, SQLException {
        seenSeq = readOffset();
        long applied = replayFromSeen(journal);
        log.info("{} caught up: {} event(s) applied, now at seq {}", name, applied, seenSeq);
        return applied;
    }

    /** Applies the whole journal again, from its first event. Returns how many were applied. */
    protected synchronized long replayAllFrom(Connection reset, EventJournal journal) throws IOException, SQLException {
        writeOffset(reset, 0);
        reset.commit();
        seenSeq = 0;
        return replayFromSeen(journal);
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
                // e is durable, so the replay reaches it too
                log.info("{}: gap after seq {}, replaying up to {}", name, seenSeq, e.seq());
                replayFromSeen(attached);
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                if (applyInOrder(c, e)) {
                    c.commit();
                }
            }
        } catch (SQLException | IOException ex) {
            // what was not committed is replayed at the next event, seen as a gap
            seenSeq = UNKNOWN;
            failures.incrementAndGet();
            log.error("{} projection failed at seq {} ({} for {})", name, e.seq(), e.type(), e.callId(), ex);
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
                        if (applyInOrder(c, e) && ++applied[0] % REPLAY_COMMIT_EVERY == 0) {
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

    private boolean applyInOrder(Connection c, JournalEvent e) throws SQLException {
        if (e.seq() <= seenSeq) {
            return false;
        }
        seenSeq = e.seq();
        if (!apply(c, e)) {
            return false;
        }
        writeOffset(c, e.seq());
        return true;
    }

    private long readOffset() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM projection_offset WHERE projection = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void writeOffset(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO projection_offset (projection, last_seq) KEY (projection) VALUES (?, ?)")) {
            ps.setString(1, name);
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
