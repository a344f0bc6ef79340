package io.branchbox.firmware.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The box's H2 file database ({@code <dataDir>/box.mv.db}), migrated with Flyway from
 * {@code classpath:db/migration} when opened (in a class loader dropped afterwards:
 * {@link SchemaMigration}), served through a small connection pool.
 *
 * <p><b>Power cuts.</b> H2's MVStore only ever appends chunks and on start-up falls back to the
 * last complete chunk, so a power cut cannot corrupt the file but may lose the latest commits.
 * {@code WRITE_DELAY=0} writes each commit at once instead of half a second later, shrinking that
 * window. It does not {@code fsync} each commit: the tables are projections of the
 * {@link io.branchbox.firmware.journal.EventJournal}, which is forced, and
 * {@link CallRecordProjector#catchUp} re-applies whatever the database lost.
 * {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to {@link #close}, so the database is not shut
 * by H2's own shutdown hook while the box still writes its last records.
 *
 * <p>Migrations: versions {@code V1..V99} belong to the firmware, {@code V100+} to web-admin; both
 * live in the same location. Threading: {@link #dataSource()} is thread-safe; connections are not.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int MAX_CONNECTIONS = 8;

    private final JdbcConnectionPool pool;
    private final boolean freshSchema;

    private Database(JdbcConnectionPool pool, boolean freshSchema) {
        this.pool = pool;
        this.freshSchema = freshSchema;
    }

    /**
     * Whether this open found no schema and created it from the first migration: a new box, or
     * (when {@code box.mv.db} existed) a file H2 could read no chunk of, which it silently starts
     * over as an empty database instead of refusing ({@link DatabaseRescue} treats that as damage).
     */
    public boolean freshSchema() {
        return freshSchema;
    }

    /** H2's own file system: the real disk. */
    public static final String DISK = "file";

    /** Opens (creating if needed) the database in {@code dataDir} and migrates it. */
    public static Database open(Path dataDir) {
        return open(dataDir, DISK);
    }

    /**
     * As {@link #open(Path)} on H2 file system {@code scheme} ({@link #DISK} on a box; a test
     * registers its own {@code org.h2.store.fs.FilePath}, e.g. a disk that loses power, and passes
     * its scheme). The file is {@code <dataDir>/box.mv.db} either way.
     */
    public static Database open(Path dataDir, String scheme) {
        String url = "jdbc:h2:" + scheme + ":" + dataDir.toAbsolutePath().resolve("box")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "box", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        SchemaMigration.Outcome r;
        try {
            r = SchemaMigration.migrate(pool);
            // H2 does not fsync commits; the schema is not a projection, so it is forced here, before
            // the box takes calls: a power cut later can only lose rows the journal gives back
            try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("database " + dataDir + " migrated but could not be forced to disk", e);
            }
            log.info("database {} at schema version {} ({} migration(s) applied)",
                    dataDir, r.targetVersion() == null ? "unchanged" : r.targetVersion(), r.executed());
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return new Database(pool, r.initialVersion() == null);
    }

    /** Pooled connections to the database. */
    public DataSource dataSource() {
        return pool;
    }

    /** Closes the pool; H2 closes the file when the last connection goes. */
    @Override
    public void close() {
        pool.dispose();
    }
}
