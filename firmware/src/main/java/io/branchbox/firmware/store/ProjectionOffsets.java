package io.branchbox.firmware.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Reads the journal positions the projections stored ({@code projection_offset}), for the
 * start-up check that the journal is not behind the database. Stateless; any thread.
 */
public final class ProjectionOffsets {
    private ProjectionOffsets() {}

    /** The highest journal sequence number any projection has applied; 0 for a new database. */
    public static long highest(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(last_seq), 0) FROM projection_offset")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
