package io.branchbox.firmware.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.journal.EventJournal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, problem 1: a damaged {@code box.mv.db} no longer stops the box. The file is moved
 * aside, a new database is rebuilt from the journal, and what a person entered comes back from
 * the kept store.
 */
@Tag("faults")
class DatabaseRescueTest {
    /** Stands in for web-admin's V100 table (this module's tests do not see web-admin's migrations). */
    private static final String USERS = "CREATE TABLE IF NOT EXISTS admin_users (username VARCHAR(32) PRIMARY KEY,"
            + " password_hash VARCHAR(255) NOT NULL, role VARCHAR(16) NOT NULL,"
            + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, disabled BOOLEAN DEFAULT FALSE NOT NULL)";

    @Test
    void garbageOverTheLiveChunksIsMovedAsideAndRebuilt(@TempDir Path data) throws Exception {
        // garbage over dead space is harmless (and ignored), and where H2 keeps its live chunks
        // depends on when it was last forced (the kept store forces it; on close H2 may compact
        // everything into one small chunk at the end), so 32 KiB blocks of garbage go over every
        // chunk between the file header and the last chunk's 128-byte footer
        rescueAfter(data, file -> {
            long end = size(file) - 128;
            assertTrue(end > 8192 + 4096, "a file with chunks to damage: " + size(file) + " bytes");
            for (long at = 8192; at < end; at += 32 * 1024) {
                overwrite(file, at, (int) Math.min(32 * 1024, end - at));
            }
        });
    }

    @Test
    void aFileCutToHalfIsMovedAsideAndRebuilt(@TempDir Path data) throws Exception {
        // where H2 put its live chunks decides whether half a file still reads: either way the
        // box starts with every call record and everything a person entered
        rescueAfter(data, file -> truncate(file, size(file) / 2), false);
    }

    @Test
    void aDatabaseThatOpensIsNeverMoved(@TempDir Path data) throws Exception {
        try (Database db = Database.open(data)) {
            assertTrue(db.dataSource() != null);
        }
        DatabaseRescue.Opened o = DatabaseRescue.open(data, Clock.systemUTC());
        o.database().close();
        assertTrue(o.movedAside().isEmpty());
        assertFalse(o.created());
    }

    @Test
    void aDamagedKeptFileFallsBackToThePreviousGeneration(@TempDir Path data) throws Exception {
        KeptStore kept = new KeptStore(data, KeptTables.ALL);
        try (Database db = Database.open(data)) {
            exec(db.dataSource(), USERS);
            exec(db.dataSource(), "INSERT INTO admin_users VALUES ('wang', 'h1', 'SUPERVISOR', CURRENT_TIMESTAMP, FALSE)");
            kept.export(db.dataSource());
            exec(db.dataSource(), "INSERT INTO admin_users VALUES ('li', 'h2', 'AGENT', CURRENT_TIMESTAMP, FALSE)");
            kept.export(db.dataSource());
        }
        overwrite(kept.file(), 10, 4);
        KeptStore.Content c = kept.read().orElseThrow();
        assertTrue(c.from().getFileName().toString().endsWith(".1"));
        assertEquals(1, c.rows().size());
    }

    @Test
    void otherFailuresAreNotTakenForDamage() {
        assertFalse(DatabaseRescue.isDamage(new RuntimeException("No space left on device")));
        assertTrue(DatabaseRescue.isDamage(new RuntimeException("x",
                new IllegalStateException("File corrupted - unable to recover a valid set of chunks"))));
    }

    private static void rescueAfter(Path data, Consumer<Path> damage) throws Exception {
        rescueAfter(data, damage, true);
    }

    /** {@code mustBreak}: the damage must stop a plain open (else a file that still reads is kept as it is). */
    private static void rescueAfter(Path data, Consumer<Path> damage, boolean mustBreak) throws Exception {
        KeptStore kept = new KeptStore(data, KeptTables.ALL);
        try (Database db = Database.open(data);
                EventJournal j = EventJournal.open(data.resolve("journal"), Clock.systemUTC())) {
            exec(db.dataSource(), USERS);
            new CallRecordProjector(db.dataSource()).attach(j);
            for (int i = 0; i < 200; i++) {
                j.append("call.started", "C" + i, null, "q", Map.of("direction", "IN", "trunk", "span0/ts1",
                        "callingNumber", "1380000" + i));
                j.append("call.ended", "C" + i, null, "q", Map.of("cause", "16", "disposition", "ABANDONED"));
            }
            j.flush();
            exec(db.dataSource(), "INSERT INTO admin_users VALUES ('wang', '$argon2id$x', 'SUPERVISOR', CURRENT_TIMESTAMP, FALSE)");
            exec(db.dataSource(), "INSERT INTO recording (call_id, file, finished_at) VALUES ('C7', '2026/11/23/C7.wav', CURRENT_TIMESTAMP)");
            exec(db.dataSource(), "UPDATE recording SET legal_hold = TRUE WHERE call_id = 'C7'");
            KeptStoreFollower.start(kept, db.dataSource(), KeptTables.ALL).close();
            assertTrue(Files.exists(kept.file()));
        }
        Path file = data.resolve("box.mv.db");
        damage.accept(file);
        boolean broken = stillBroken(data);
        if (mustBreak) {
            assertTrue(broken, "the damage stops a plain open or the first read");
        }

        DatabaseRescue.Opened o = DatabaseRescue.open(data, Clock.systemUTC());
        if (!broken) {
            try (Database db = o.database()) {
                assertTrue(o.movedAside().isEmpty(), "a file that still reads is not moved");
                assertEquals(200, new CallRecordRepository(db.dataSource()).all().size());
                assertEquals(List.of("TRUE"), query(db.dataSource(), "SELECT legal_hold FROM recording WHERE call_id = 'C7'"));
            }
            return;
        }
        try (Database db = o.database();
                EventJournal j = EventJournal.open(data.resolve("journal"), Clock.systemUTC())) {
            assertTrue(o.created());
            assertTrue(Files.exists(o.movedAside().orElseThrow()), "the damaged file is kept");
            exec(db.dataSource(), USERS);
            new CallRecordProjector(db.dataSource()).attach(j);
            exec(db.dataSource(), "INSERT INTO recording (call_id, file, finished_at) VALUES ('C7', '2026/11/23/C7.wav', CURRENT_TIMESTAMP)");
            kept.restore(db.dataSource(), kept.read().orElseThrow());
            assertEquals(200, new CallRecordRepository(db.dataSource()).all().size(), "call records rebuilt");
            assertEquals(List.of("wang:SUPERVISOR"), query(db.dataSource(), "SELECT username || ':' || role FROM admin_users"));
            assertEquals(List.of("TRUE"), query(db.dataSource(), "SELECT legal_hold FROM recording WHERE call_id = 'C7'"));
        }
    }

    static void exec(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<String> query(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void overwrite(Path f, long at, int len) {
        byte[] junk = new byte[len];
        new Random(13).nextBytes(junk);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(junk), at);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void truncate(Path f, long to) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.truncate(to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Whether a plain open fails, the first read fails, or H2 silently starts an empty database
     * over the file; tried on a copy, since that last case rewrites the file.
     */
    private static boolean stillBroken(Path data) throws Exception {
        Path probe = Files.createDirectories(data.resolve("probe"));
        Files.copy(data.resolve("box.mv.db"), probe.resolve("box.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        try (Database plain = Database.open(probe)) {
            DatabaseRescue.readEverything(plain);
            return plain.freshSchema();
        } catch (Exception e) {
            return true;
        }
    }
}
