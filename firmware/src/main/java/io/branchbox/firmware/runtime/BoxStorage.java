package io.branchbox.firmware.runtime;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.recording.DiskReserve;
import io.branchbox.firmware.recording.FreeSpace;
import io.branchbox.firmware.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The box's files, opened and repaired: step 1 of {@link BoxRuntime#start()}. The disk reserve is
 * released first when the disk is full (the database and the journal need its room); then
 * {@link StorageStart} opens the database in parallel with the recordings' repair and the journal,
 * checks the journal against the database and closes the calls the last run left open.
 *
 * <p>Threading: {@link #open} on the starting thread; the fields are safe to read from any thread
 * afterwards. {@link #close} closes the journal (its last group commit) and then the database.
 */
final class BoxStorage implements AutoCloseable {
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

    /** Opens and repairs the box's files ({@link StorageStart}); on failure closes what it opened and throws. */
    static BoxStorage open(BoxConfig config, Path dataDir, Clock clock, BoxFaults faults)
            throws IOException, SQLException {
        Files.createDirectories(dataDir);
        Path recordings = Files.createDirectories(dataDir.resolve(config.recording().directory()));
        DiskReserve reserve = new DiskReserve(dataDir, DiskReserve.configuredBytes(
                System.getProperty(DiskReserve.PROPERTY), System.getenv(), config.recording().diskReserveMiB()),
                FreeSpace.of(dataDir));
        // before the database and the journal open: on a full disk they need the reserve's room
        boolean diskFull = reserve.releaseIfFull();
        StorageStart.Started s = StorageStart.open(dataDir, recordings, clock, faults, StorageStart.Disk.REAL);
        return new BoxStorage(dataDir, recordings, reserve, diskFull, s.opened().database(), s.opened().created(),
                s.journal());
    }

    @Override
    public void close() throws IOException {
        try {
            journal.close();
        } finally {
            database.close();
        }
    }
}
