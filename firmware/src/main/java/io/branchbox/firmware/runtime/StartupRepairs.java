package io.branchbox.firmware.runtime;

import io.branchbox.firmware.store.KeptStore;
import io.branchbox.firmware.store.KeptStoreFollower;
import io.branchbox.firmware.store.KeptTables;
import io.branchbox.firmware.uplink.Alarm;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up step that keeps what a person entered across a database rebuild: on a database
 * that was just created (damaged one moved aside, or the file deleted by hand) the kept rows are
 * put back after the projections have been rebuilt from the journal; then the kept store is
 * followed for the rest of the run. A kept store that fails its checksum raises
 * {@code KEPT_STORE_DAMAGED} (the next export replaces it from the healthy database).
 *
 * <p>Threading: the start-up thread; the returned follower runs on its own.
 */
final class StartupRepairs {
    private static final Logger log = LoggerFactory.getLogger(StartupRepairs.class);
    static final String DATABASE_REBUILT = "DATABASE_REBUILT";
    static final String KEPT_STORE_DAMAGED = "KEPT_STORE_DAMAGED";

    private StartupRepairs() {}

    static KeptStoreFollower keepWhatPeopleEntered(Path dataDir, DataSource ds, boolean databaseCreated,
            BoxFaults faults) throws IOException, SQLException {
        KeptStore kept = new KeptStore(dataDir, KeptTables.ALL);
        Optional<KeptStore.Content> content = kept.read();
        if (content.isEmpty() && kept.damaged()) {
            faults.raise(KEPT_STORE_DAMAGED, databaseCreated ? Alarm.Severity.CRITICAL : Alarm.Severity.WARNING,
                    "the kept copy of users and legal holds (" + kept.file() + ") fails its checksum"
                            + (databaseCreated ? " and the database was rebuilt: users and holds must be checked"
                            : "; it is rewritten from the database"), Map.of("file", kept.file().toString()));
        }
        if (databaseCreated && content.isPresent()) {
            int rows = kept.restore(ds, content.get());
            log.warn("database rebuilt: {} row(s) people entered restored from {}", rows, content.get().from());
        }
        return KeptStoreFollower.start(kept, ds, KeptTables.ALL);
    }
}
