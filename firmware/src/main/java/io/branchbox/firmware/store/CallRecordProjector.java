package io.branchbox.firmware.store;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code call_record} table a view of the journal ({@link CallRecordFold} says how each
 * event changes a record); the offset, gap and crash bookkeeping is {@link JournalProjection}'s.
 *
 * <p>Wiring at start-up: {@link #attach} (re-applies whatever the database lost in a power cut,
 * then listens to the journal). {@link #rebuild} recreates the table from the whole journal
 * (after a schema change or a damaged database).
 */
public final class CallRecordProjector extends JournalProjection {
    private static final Logger log = LoggerFactory.getLogger(CallRecordProjector.class);
    static final String NAME = "call_record";

    private final CallRecordRepository repository;

    public CallRecordProjector(DataSource dataSource) {
        super(dataSource, NAME);
        this.repository = new CallRecordRepository(dataSource);
    }

    /** Empties the table and applies the whole journal. Returns how many events changed a record. */
    public synchronized long rebuild(EventJournal journal) throws IOException, SQLException {
        long applied;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            repository.deleteAll(c);
            applied = replayAllFrom(c, journal);
        }
        log.info("call records rebuilt from the journal: {} event(s) applied", applied);
        return applied;
    }

    @Override
    protected boolean apply(Connection c, JournalEvent e) throws SQLException {
        if (!(CallEventCodec.decode(e) instanceof CallEvents ev) || !CallRecordFold.affectsRecord(ev)) {
            return false;
        }
        CallRecord current = repository.find(c, ev.callId()).orElse(null);
        repository.upsert(c, CallRecordFold.apply(current, ev, e.at(), e.seq()));
        return true;
    }
}
