package io.branchbox.firmware.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void freshFileDatabaseIsMigratedToTheFirmwareSchema() throws SQLException {
        try (Database db = Database.open(dir)) {
            assertTrue(Files.exists(dir.resolve("box.mv.db")));
            List<String> tables = query(db, "SELECT LOWER(table_name) FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' ORDER BY 1");
            assertTrue(tables.containsAll(List.of("call_record", "projection_offset", "recording", "recording_access", "flyway_schema_history")), tables.toString());
            assertEquals(List.of("1", "2", "3"), query(db, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\""));
        }
    }

    @Test
    void reopeningKeepsDataAndAppliesNothingTwice() throws SQLException {
        CallRecord r = CallRecord.started("c1", CallDirection.IN, "fxo2", "0301234", "100",
                Instant.parse("2026-02-01T09:00:00Z"));
        try (Database db = Database.open(dir)) {
            new CallRecordRepository(db.dataSource()).upsert(r);
        }
        try (Database db = Database.open(dir)) {
            assertEquals(r, new CallRecordRepository(db.dataSource()).find("c1").orElseThrow());
            assertEquals(List.of("3"), query(db, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"));
        }
    }

    private static List<String> query(Database db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
