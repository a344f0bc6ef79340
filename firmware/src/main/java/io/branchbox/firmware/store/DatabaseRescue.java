package io.branchbox.firmware.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the box's database so that the box always starts: a {@code box.mv.db} H2 cannot read
 * (garbage inside, cut short) is moved aside to {@code box.mv.db.damaged-<time>} (kept for
 * diagnosis, never deleted) and a new, empty one is created. The caller then rebuilds: the
 * projections catch up from journal position 0, and {@link KeptStore} puts back what a person
 * entered. A file on which a migration fails (half migrated when the power went during an
 * update) is treated the same way. A database that opens is read through once ({@link #readEverything}), so damage
 * that H2 only notices when it reads a page is found now, not in the middle of a call. Any other failure (disk full, locked by another process) is thrown as before: moving
 * a good database aside would lose it.
 *
 * <p>Threading: the start-up thread.
 */
public final class DatabaseRescue {
    private static final Logger log = LoggerFactory.getLogger(DatabaseRescue.class);
    static final String FILE = "box.mv.db";
    /** H2's error code for "File corrupted while reading record". */
    private static final int FILE_CORRUPTED = 90030;

    /**
     * The opened database; {@code movedAside} is where the damaged file went, {@code created} is
     * true when the database did not exist before (new box, damaged file moved, file deleted by
     * hand): then it must be rebuilt.
     */
    public record Opened(Database database, Optional<Path> movedAside, String damage, boolean created) {}

    private DatabaseRescue() {}

    public static Opened open(Path dataDir, Clock clock) throws IOException {
        return open(dataDir, clock, Database.DISK);
    }

    /** As {@link #open(Path, Clock)} on H2 file system {@code scheme} (see {@link Database#open(Path, String)}). */
    public static Opened open(Path dataDir, Clock clock, String scheme) throws IOException {
        Path file = dataDir.resolve(FILE);
        boolean existed = Files.exists(file);
        Database db = null;
        try {
            db = Database.open(dataDir, scheme);
            if (existed && db.freshSchema()) {
                // seen after garbage over every chunk: H2 read nothing, started an empty store over
                // the file and no error came; without this the kept rows would not be restored
                throw new IllegalStateException("File corrupted: " + FILE
                        + " existed but H2 found no readable chunk in it and started an empty database");
            }
            readEverything(db);
            return new Opened(db, Optional.empty(), "", !existed);
        } catch (RuntimeException | SQLException e) {
            if (db != null) {
                db.close();
            }
            if (!existed || !isDamage(e)) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException("database unreadable", e);
            }
            String damage = rootMessage(e);
            Path aside = dataDir.resolve(FILE + ".damaged-"
                    + LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            log.error("database {} is damaged ({}); moved to {} and rebuilt from the journal", file, damage,
                    aside.getFileName());
            Files.move(file, aside);
            Files.deleteIfExists(dataDir.resolve("box.trace.db"));
            return new Opened(Database.open(dataDir, scheme), Optional.of(aside), damage, true);
        }
    }

    /**
     * Reads every row of every table once: damage inside the file (garbage over some pages) may let
     * the database open and only fail when a page is read, later, in the middle of a call.
     */
    static void readEverything(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= cols; i++) {
                            rs.getObject(i);
                        }
                    }
                }
            }
        }
    }

    /** True when the exception says the file's content is damaged (as opposed to I/O or locking). */
    static boolean isDamage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == FILE_CORRUPTED) {
                return true;
            }
            // a migration that fails on an existing file: the power went while an update migrated it
            // (H2 commits each DDL statement, Flyway records the version after the last one), so
            // some of it is in the file and it is not recorded; a fresh file then tells a bad
            // migration (it fails again, and the box stops as before) from a half-migrated file
            if (t instanceof MigrationFailedException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("file corrupted") || m.contains("unable to recover a valid set of chunks")
                    || m.contains("not a valid") && m.contains("chunk")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
