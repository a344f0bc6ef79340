package io.branchbox.firmware.store;

import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link KeptStore} current: installs {@link KeptTrigger} on the kept tables, then exports
 * within {@link #SETTLE} of a change (and every {@link #PERIOD} regardless), on its own daemon
 * thread {@code kept-store}. An export that fails (disk full) is retried at the next round and
 * reported through {@link #lastError}.
 */
public final class KeptStoreFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KeptStoreFollower.class);
    static final Duration SETTLE = Duration.ofSeconds(2);
    static final Duration PERIOD = Duration.ofMinutes(5);

    private final KeptStore store;
    private final DataSource dataSource;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile String lastError = "";

    private KeptStoreFollower(KeptStore store, DataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
        this.thread = new Thread(this::run, ThreadNames.KEPT_STORE);
        thread.setDaemon(true);
    }

    /** Installs the triggers, exports once now (so the copy exists from the first start) and follows. */
    public static KeptStoreFollower start(KeptStore store, DataSource dataSource, Iterable<KeptTables.Table> tables)
            throws SQLException, IOException {
        installTriggers(dataSource, tables);
        store.export(dataSource);
        KeptStoreFollower f = new KeptStoreFollower(store, dataSource);
        f.thread.start();
        return f;
    }

    /** The last export error, empty while exports succeed. */
    public String lastError() {
        return lastError;
    }

    private static void installTriggers(DataSource ds, Iterable<KeptTables.Table> tables) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (KeptTables.Table t : tables) {
                if (!c.getMetaData().getTables(null, null, t.table().toUpperCase(Locale.ROOT), null).next()) {
                    continue;
                }
                s.execute("CREATE TRIGGER IF NOT EXISTS kept_" + t.table() + " AFTER INSERT, UPDATE, DELETE ON "
                        + t.table() + " FOR EACH STATEMENT CALL '" + KeptTrigger.class.getName() + "'");
            }
        }
    }

    private void run() {
        long seen = KeptTrigger.CHANGES.get();
        long lastExport = System.nanoTime();
        while (!stopped) {
            try {
                Thread.sleep(SETTLE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            long now = KeptTrigger.CHANGES.get();
            boolean due = System.nanoTime() - lastExport > PERIOD.toNanos();
            if (now == seen && !due && lastError.isEmpty()) {
                continue;
            }
            try {
                if (store.export(dataSource)) {
                    log.debug("kept store exported to {}", store.file());
                }
                seen = now;
                lastExport = System.nanoTime();
                lastError = "";
            } catch (IOException | SQLException | RuntimeException e) {
                if (lastError.isEmpty()) {
                    log.warn("kept store export failed (retried): {}", e.toString());
                }
                lastError = e.toString();
            }
        }
    }

    /** Stops following and writes a last export. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2000);
            store.export(dataSource);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("kept store: last export failed: {}", e.toString());
        }
    }
}
