package io.branchbox.firmware.runtime;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.kpi.KpiEvents;
import io.branchbox.firmware.recording.DiskReserve;
import io.branchbox.firmware.recording.FreeSpace;
import io.branchbox.firmware.recording.RecordingRepair;
import io.branchbox.firmware.store.CallRecordProjector;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.firmware.store.Database;
import io.branchbox.firmware.store.DatabaseRescue;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's files, opened and repaired: step 1 of {@link BoxRuntime#start()}. The database (H2 and
 * Flyway, the slowest part of a start) opens on a {@code box-start} thread while the starting
 * thread repairs the recordings and opens the journal: the three do not touch each other's files.
 * Then, in this order and before anything else appends: the journal is checked against the
 * database, the call-record projection follows the journal, {@code box.started} is journaled, and
 * calls the last run left open are closed.
 *
 * <p>Threading: {@link #open} on the starting thread; the fields are safe to read from any thread
 * afterwards. {@link #close} closes the journal (its last group commit) and then the database.
 */
final class BoxStorage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoxStorage.class);

    final Path dataDir;
    final Path recordings;
    final DiskReserve reserve;
    /** The disk was full at start: the reserve was released and the storage policy must run first. */
    final boolean diskFull;
    final Database database;
    /** The database file was made new (first start, or rebuilt after damage). */
    final boolean databaseCreated;
    final EventJournal journal;

    private BoxStorage(Path dataDir, Path recordings, DiskReserve reserve, boolean diskFull, Database database,
            boolean databaseCreated, EventJournal journal) {
        this.dataDir = dataDir;
        this.recordings = recordings;
        this.reserve = reserve;
        this.diskFull = diskFull;
        this.database = database;
        this.databaseCreated = databaseCreated;
        this.journal = journal;
    }

    /** Opens and repairs the box's files; on failure closes what it opened and throws. */
    static BoxStorage open(BoxConfig config, Path dataDir, Clock clock, BoxFaults faults)
            throws IOException, SQLException {
        Files.createDirectories(dataDir);
        Path recordings = Files.createDirectories(dataDir.resolve(config.recording().directory()));
        DiskReserve reserve = new DiskReserve(dataDir, DiskReserve.configuredBytes(
                System.getProperty(DiskReserve.PROPERTY), System.getenv()), FreeSpace.of(dataDir));
        // before the database and the journal open: on a full disk they need the reserve's room
        boolean diskFull = reserve.releaseIfFull();
        CompletableFuture<DatabaseRescue.Opened> db = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                db.complete(DatabaseRescue.open(dataDir, clock));
            } catch (IOException | RuntimeException e) {
                db.completeExceptionally(e);
            }
        }, ThreadNames.BOX_START);
        opener.start();
        EventJournal journal = null;
        DatabaseRescue.Opened opened;
        try {
            RecordingRepair.Report repaired = RecordingRepair.repairAll(recordings);
            log.info("recordings checked at start-up: {} file(s), {} repaired", repaired.scanned(),
                    repaired.repaired().size());
            journal = EventJournal.open(dataDir.resolve("journal"), clock);
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
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(journal);
            opened.database().close();
            throw e;
        }
        return new BoxStorage(dataDir, recordings, reserve, diskFull, opened.database(), opened.created(), journal);
    }

    @Override
    public void close() throws IOException {
        try {
            journal.close();
        } finally {
            database.close();
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
