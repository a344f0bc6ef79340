package io.branchbox.firmware.runtime;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.store.ProjectionOffsets;
import io.branchbox.firmware.uplink.Alarm;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Start-up check that the journal and its projections agree: a database whose projections have
 * applied events beyond the journal's last one means the journal lost events (a restored
 * backup, a damaged or cut segment, files pruned by hand). Left alone, new events would get
 * numbers the projections have already passed and every one would be dropped silently.
 *
 * <p>What it does then: moves the journal's next sequence number above the database's offset
 * (so new events are applied again), keeps the database's rows (for the lost range they are the
 * only copy left; a rebuild from the shorter journal would delete them), and raises
 * {@code JOURNAL_BEHIND_DATABASE} naming both positions. Must run before anything is appended.
 *
 * <p>Threading: the start-up thread.
 */
final class JournalConsistency {
    static final String CODE = "JOURNAL_BEHIND_DATABASE";

    private JournalConsistency() {}

    /** Returns how many sequence numbers the journal is behind (0 when it is not). */
    static long check(EventJournal journal, DataSource dataSource, BoxFaults faults) throws SQLException {
        long database = ProjectionOffsets.highest(dataSource);
        long onDisk = journal.lastSeqAtOpen();
        if (database <= onDisk) {
            return 0;
        }
        journal.raiseFloor(database);
        long behind = database - onDisk;
        faults.raise(CODE, Alarm.Severity.MAJOR, "the journal ends at event " + onDisk
                + " but the database has applied events up to " + database + ": up to " + behind
                + " event(s) are missing from the journal (restored backup, damaged segment or removed files);"
                + " the call records keep them and new events continue after " + database,
                Map.of("journalLastSeq", onDisk, "databaseSeq", database));
        return behind;
    }
}
