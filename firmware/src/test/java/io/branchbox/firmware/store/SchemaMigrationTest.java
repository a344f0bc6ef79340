package io.branchbox.firmware.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @Test
    void flywayRunsInItsOwnLoaderWhichIsCollectedAfterwards(@TempDir Path dir) throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("box"), "box", "");
        try {
            AtomicReference<SchemaMigration.Outcome> outcome = new AtomicReference<>();
            AtomicReference<WeakReference<SchemaMigration.IsolatedLoader>> watched = new AtomicReference<>();
            // on a thread of its own, as the box opens its database (a thread that then ends)
            Thread opener = new Thread(() -> {
                SchemaMigration.IsolatedLoader loader = new SchemaMigration.IsolatedLoader(
                        SchemaMigration.class.getClassLoader());
                watched.set(new WeakReference<>(loader));
                outcome.set(SchemaMigration.migrate(pool, loader));
                assertTrue(loader.defined("org.flywaydb.core.Flyway"), "Flyway defined by the isolated loader");
                assertTrue(loader.defined(FlywayRun.class.getName()));
            });
            opener.start();
            opener.join(TimeUnit.MINUTES.toMillis(2));
            assertNotNull(outcome.get(), "migrated");
            assertNull(outcome.get().initialVersion(), "an empty database");
            assertTrue(outcome.get().executed() >= 3, "the firmware's migrations ran: " + outcome.get());
            WeakReference<SchemaMigration.IsolatedLoader> ref = watched.get();
            // nothing of Flyway's may keep its loader (and so its classes) alive after the migration
            for (int i = 0; i < 50 && ref.get() != null; i++) {
                System.gc();
                Thread.sleep(100);
            }
            assertNull(ref.get(), "the isolated loader is unreachable once the migration is done");
            // a second open finds the schema and applies nothing
            SchemaMigration.Outcome again = SchemaMigration.migrate(pool);
            assertEquals(0, again.executed());
            assertNotNull(again.initialVersion());
        } finally {
            pool.dispose();
        }
    }
}
