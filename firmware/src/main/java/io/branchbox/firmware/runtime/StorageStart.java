package io.branchbox.firmware.runtime;

import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.kpi.KpiEvents;
import io.branchbox.firmware.recording.RecordingRepair;
import io.branchbox.firmware.store.CallRecordProjector;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.DatabaseRescue;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start of the box's storage after a stop of any kind (clean, killed, power cut). The database
 * (H2 and Flyway, the slowest part of a start; a damaged one moved aside and rebuilt,
 * {@code DATABASE_REBUILT}) opens on a {@code box-start} thread while the calling thread repairs
 * the recordings and opens the journal (a torn tail cut): the three do not touch each other's
 * files. Then, in this order and before anything else appends: the journal is checked against the
 * database ({@link JournalConsistency}), the call records follow the journal, {@code box.started}
 * is journaled, and the calls the last run left open are closed with what their recordings hold
 * ({@link CrashRecovery}). One place, so that the power-cut test starts exactly what the box starts,
 * on its own disk. The caller owns (closes) what is returned.
 *
 * <p>Threading: the start-up thread, plus one short-lived {@code box-start} thread.
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

    /**
     * The opened storage; {@code repaired}: what the recordings' repair found; {@code reopened}
     * calls were left open by the last run and are now closed.
     */
    record Started(DatabaseRescue.Opened opened, EventJournal journal, RecordingRepair.Report repaired, int reopened) {}

    private StorageStart() {}

    /** Opens and repairs the storage; on failure closes what it opened and throws. */
    static Started open(Path dataDir, Path recordings, Clock clock, BoxFaults faults, Disk disk)
            throws IOException, SQLException {
        CompletableFuture<DatabaseRescue.Opened> db = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                db.complete(disk.database().open(dataDir, clock));
            } catch (IOException | RuntimeException e) {
                db.completeExceptionally(e);
            }
        }, ThreadNames.BOX_START);
        opener.start();
        EventJournal journal = null;
        DatabaseRescue.Opened opened;
        RecordingRepair.Report repaired;
        try {
            repaired = RecordingRepair.repairAll(recordings);
            log.info("recordings checked at start-up: {} file(s), {} repaired", repaired.scanned(),
                    repaired.repaired().size());
            journal = disk.journal().open(dataDir.resolve("journal"), clock);
            opened = db.join();
        } catch (IOException | RuntimeException e) {
            closeQuietly(journal);
            db.thenAccept(o -> o.database().close());
            throw unwrap(e);
        }
        try {
            opened.movedAside().ifPresent(aside -> faults.raise(StartupRepairs.DATABASE_REBUILT, Alarm.Severity.MAJOR,
                    "the database was damaged (" + opened.damage() + "): kept as " + aside.getFileName()
                            + ", rebuilt from the journal and the kept store", Map.of("keptAs", aside.toString())));
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
            return new Started(opened, journal, repaired, reopened);
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(journal);
            opened.database().close();
            throw e;
        }
    }

    private static IOException unwrap(Exception e) {
        Throwable t = e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e;
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof UncheckedIOException u) {
            return u.getCause();
        }
        throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    private static void closeQuietly(EventJournal journal) {
        if (journal == null) {
            return;
        }
        try {
            journal.close();
        } catch (IOException e) {
            log.warn("journal not closed cleanly after a failed start: {}", e.toString());
        }
    }
}
