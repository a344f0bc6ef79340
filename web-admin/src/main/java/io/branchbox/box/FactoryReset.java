package io.branchbox.box;

import io.branchbox.admin.users.UserStore;
import io.branchbox.firmware.config.ConfigDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the FACTORY button does: the configuration document goes back to the factory one (the old
 * one is kept beside it) and the web admin's accounts are removed, so the next start writes a new
 * initial admin password. Recordings, call records and the journal are the branch's evidence and
 * are kept.
 *
 * <p>Called on the signalling thread just before the process exits with {@link #EXIT_CODE}.
 */
final class FactoryReset {
    private static final Logger log = LoggerFactory.getLogger(FactoryReset.class);
    /** Exit status after a factory reset, for the service manager to restart on. */
    static final int EXIT_CODE = 3;

    private FactoryReset() {}

    static void apply(Path config, DataSource db, Path dataDir) {
        try {
            if (Files.exists(config)) {
                String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                Path kept = config.resolveSibling(config.getFileName() + ".before-factory-reset-" + stamp);
                Files.copy(config, kept, StandardCopyOption.REPLACE_EXISTING);
                log.warn("factory reset: previous configuration kept as {}", kept);
            }
            ConfigDocuments.write(config, ConfigDocuments.defaults());
            removeAccounts(db);
            Files.deleteIfExists(dataDir.resolve(UserStore.INITIAL_PASSWORD_FILE));
            log.warn("factory reset done: factory configuration written, web admin accounts removed");
        } catch (IOException | java.sql.SQLException e) {
            log.error("factory reset incomplete: {}", e.getMessage());
        }
    }

    private static void removeAccounts(DataSource db) throws java.sql.SQLException {
        try (var c = db.getConnection(); var st = c.createStatement()) {
            int n = st.executeUpdate("DELETE FROM admin_users");
            log.warn("factory reset: {} web admin account(s) removed", n);
        }
    }
}
