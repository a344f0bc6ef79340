package io.branchbox.firmware.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.testdisk.PowerCutFiles;
import io.branchbox.firmware.testdisk.PowerCutH2Path;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person entered must survive a power cut although H2 does not fsync its commits: once the
 * kept copy holds a row, the database file holds it too. Before, a legal hold set a minute before
 * the cut was in {@code kept/kept.jsonl} but not in the file H2 fell back to; the database still
 * opened, so nothing was restored, and the next export overwrote the copy without the hold.
 */
@Tag("faults")
class KeptStorePowerCutTest {

    @Test
    void aLegalHoldInTheKeptCopyIsInTheDatabaseAfterAPowerCut(@TempDir Path root) throws Exception {
        PowerCutFiles disk = new PowerCutFiles();
        PowerCutH2Path.use(disk);
        Path before = root.resolve("before");
        Database db = Database.open(before, PowerCutH2Path.SCHEME);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO recording (call_id, file, finished_at, legal_hold)"
                    + " VALUES ('C1', '2026/12/07/C1.wav', CURRENT_TIMESTAMP, TRUE)");
        }
        KeptStore kept = new KeptStore(before, KeptTables.ALL);
        assertTrue(kept.export(db.dataSource()), "the hold is kept");

        disk.cut(null);
        PowerCutH2Path.shutDownImmediately(db.dataSource(), db);
        PowerCutH2Path.retire(before);
        Path after = root.resolve("after");
        Files.move(before, after);
        disk.powerOn();

        Database again = Database.open(after, PowerCutH2Path.SCHEME);
        try (Connection c = again.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM recording WHERE call_id = 'C1' AND legal_hold")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the database fell back to a file without the hold");
        } finally {
            again.close();
        }
    }
}
