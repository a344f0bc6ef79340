package io.branchbox.firmware.runtime;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.kpi.KpiEvents;
import io.branchbox.firmware.store.CallRecordProjector;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.DatabaseRescue;
import io.branchbox.firmware.uplink.Alarm;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of the box's storage after a stop of any kind (clean, killed, power cut): the
 * database opened (a damaged one moved aside and rebuilt, {@code DATABASE_REBUILT}), the journal
 * opened (a torn tail cut), the two checked against each other ({@link JournalConsistency}), the
 * call records caught up from the journal, and the calls the last run left open closed with what
 * their recordings hold ({@link CrashRecovery}). One place, so that the power-cut test starts
 * exactly what the box starts, on its own disk. The caller repairs the recordings before
 * ({@code RecordingRepair}) and owns (closes) what is returned.
 *
 * <p>Threading: the start-up thread.
 */
final class StorageStart {
    private static final Logger log = LoggerFactory.getLogger(StorageStart.class);

    /** Opens the database of a data directory (the box: {@link DatabaseRescue#open(Path, Clock)}). */
    interface DatabaseOpener {
        DatabaseRescue.Opened open(Path dataDir, Clock clock) throws IOException;
    }

    /** Opens the journal in its directory (the box: {@link EventJournal#open(Path, Clock)}). */
    interface JournalOpener {
        EventJournal open(Path dir, Clock clock) throws IOException;
    }

    /** Where the database and the journal live: the real disk, or a test's disk that can lose power. */
    record Disk(DatabaseOpener database, JournalOpener journal) {
        static final Disk REAL = new Disk(DatabaseRescue::open, EventJournal::open);
    }

    /** The opened storage; {@code reopened} calls were left open by the last run and are now closed. */
    record Started(DatabaseRescue.Opened opened, EventJournal journal, int reopened) {}

    private StorageStart() {}

    static Started open(Path dataDir, Path recordings, Clock clock, BoxFaults faults, Disk disk)
            throws IOException, SQLException {
        DatabaseRescue.Opened opened = disk.database().open(dataDir, clock);
        EventJournal journal = null;
        try {
            opened.movedAside().ifPresent(aside -> faults.raise(StartupRepairs.DATABASE_REBUILT, Alarm.Severity.MAJOR,
                    "the database was damaged (" + opened.damage() + "): kept as " + aside.getFileName()
                            + ", rebuilt from the journal and the kept store", Map.of("keptAs", aside.toString())));
            journal = disk.journal().open(dataDir.resolve("journal"), clock);
            // before anything is appended: a journal behind the database must not reuse numbers
            JournalConsistency.check(journal, opened.database().dataSource(), faults);
            new CallRecordProjector(opened.database().dataSource()).attach(journal);
            // the figures end what the last run left open at its last event, not at this start
            journal.append(KpiEvents.BOX_STARTED, null, null, null, Map.of());
            int reopened = CrashRecovery.closeOpenCalls(journal, recordings,
                    new ClosedInDatabase(new CallRecordRepository(opened.database().dataSource())));
            if (reopened > 0) {
                log.warn("{} call(s) left open by the last stop were closed", reopened);
            }
            return new Started(opened, journal, reopened);
        } catch (IOException | SQLException | RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            opened.database().close();
            throw e;
        }
    }
}
