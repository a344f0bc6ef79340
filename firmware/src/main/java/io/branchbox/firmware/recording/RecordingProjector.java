package io.branchbox.firmware.recording;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents.RecordingFinished;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.JournalProjection;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@code recording.finished} journal events into the {@link RecordingCatalog}; the offset
 * (row {@value #NAME}), gap and crash bookkeeping is {@link JournalProjection}'s.
 *
 * <p>Unlike the call-record table the catalog is not emptied on a rebuild: legal holds, deletions
 * and verification results live only in the database, so a replay updates the event-derived
 * columns and leaves those alone ({@link #replayAll}).
 */
public final class RecordingProjector extends JournalProjection {
    private static final Logger log = LoggerFactory.getLogger(RecordingProjector.class);
    static final String NAME = "recording";

    private final RecordingCatalog catalog;

    public RecordingProjector(DataSource dataSource, RecordingCatalog catalog) {
        super(dataSource, NAME);
        this.catalog = catalog;
    }

    /** Re-applies the whole journal over the catalog (after a damaged database). Returns recording events applied. */
    public synchronized long replayAll(EventJournal journal) throws IOException, SQLException {
        long applied;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            applied = replayAllFrom(c, journal);
        }
        log.info("recording catalog replayed from the journal: {} recording(s) applied", applied);
        return applied;
    }

    @Override
    protected boolean apply(Connection c, JournalEvent e) throws SQLException {
        if (!(CallEventCodec.decode(e) instanceof RecordingFinished r)) {
            return false;
        }
        // an unusable event is logged by the catalog; the offset still moves past it
        catalog.applyFinished(c, r, e.at(), e.seq());
        return true;
    }
}
