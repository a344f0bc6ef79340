package io.branchbox.box.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;

/**
 * A consistent copy of the box's H2 database file, made either by the running box (H2's online
 * {@code BACKUP TO}, which copies a consistent state while calls go on) or from a stopped box's
 * data directory (a plain file copy, refused while a process holds the database open).
 */
@FunctionalInterface
public interface DatabaseCopy {

    /** Writes the copy to {@code target} (created or replaced). */
    void copyTo(Path target) throws IOException, BackupException;

    /** From the running box's own connection pool. */
    static DatabaseCopy online(DataSource db) {
        return target -> {
            Path zip = target.resolveSibling(target.getFileName() + ".zip");
            try {
                try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("BACKUP TO ?")) {
                    st.setString(1, zip.toAbsolutePath().toString());
                    st.execute();
                } catch (SQLException e) {
                    throw new IOException("the database could not be copied: " + e.getMessage(), e);
                }
                try (ZipFile z = new ZipFile(zip.toFile())) {
                    ZipEntry e = z.getEntry(BoxFiles.DATABASE_FILE);
                    if (e == null) {
                        throw new IOException("H2's backup holds no " + BoxFiles.DATABASE_FILE);
                    }
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } finally {
                Files.deleteIfExists(zip);
            }
        };
    }

    /** From a stopped box's data directory. */
    static DatabaseCopy offline(Path dataDir) {
        return target -> {
            Path db = dataDir.resolve(BoxFiles.DATABASE_FILE);
            if (!Files.exists(db)) {
                throw new BackupException(BackupException.Kind.IO, "no database at " + db);
            }
            ensureClosed(db);
            Files.copy(db, target, StandardCopyOption.REPLACE_EXISTING);
        };
    }

    /**
     * Refuses when another process (or this one) holds the database open: H2 locks its file while
     * open, so a stopped box's file can be taken.
     */
    static void ensureClosed(Path dbFile) throws BackupException, IOException {
        if (!Files.exists(dbFile)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dbFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                throw running(dbFile);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw running(dbFile);
        }
    }

    private static BackupException running(Path dbFile) {
        return new BackupException(BackupException.Kind.BOX_RUNNING, "the box is running (its database " + dbFile
                + " is open): stop it first (systemctl stop branchbox), or make the backup from the web admin");
    }
}
