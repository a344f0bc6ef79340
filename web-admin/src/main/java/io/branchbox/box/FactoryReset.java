package io.branchbox.box;

import io.branchbox.admin.users.UserStore;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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
 * What the FACTORY button (and the web admin's factory reset) does: the configuration document
 * goes back to the factory one (the old one is kept beside it), the web admin's accounts are
 * removed, so the next start writes a new initial admin password, and the secrets the site gave
 * the box (the MQTT password file and client key named by the document) are deleted. Call
 * records and the journal are the branch's evidence and are kept; the recordings too, unless the
 * web admin's reset asks to delete them. The box id ({@code <data>/box-id}) stays: the next start
 * puts it into the factory document.
 *
 * <p>Called on the signalling thread (button) or a web request's thread just before the process
 * exits with {@link #EXIT_CODE}.
 */
final class FactoryReset {
    private static final Logger log = LoggerFactory.getLogger(FactoryReset.class);
    /** Exit status after a factory reset, for the service manager to restart on. */
    static final int EXIT_CODE = 3;

    private FactoryReset() {}

    static void apply(Path config, DataSource db, Path dataDir) {
        apply(config, db, dataDir, true);
    }

    /** As above; {@code keepRecordings} false also deletes the recordings directory's contents. */
    static void apply(Path config, DataSource db, Path dataDir, boolean keepRecordings) {
        try {
            BoxConfig before = readQuietly(config);
            if (before != null) {
                wipeSecrets(before, dataDir);
                if (!keepRecordings) {
                    deleteRecordings(dataDir.resolve(before.recording().directory()));
                }
            }
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

    private static BoxConfig readQuietly(Path config) {
        try {
            return Files.exists(config) ? ConfigDocuments.read(config) : null;
        } catch (IOException | ConfigException e) {
            log.warn("factory reset: the old document cannot be read ({}): its secret files stay", e.getMessage());
            return null;
        }
    }

    /** The MQTT password file and client key: relative names are under the data directory. */
    private static void wipeSecrets(BoxConfig c, Path dataDir) throws IOException {
        for (String f : new String[] {c.uplink().passwordFile(), c.uplink().clientKeyFile()}) {
            if (f != null && !f.isBlank() && Files.deleteIfExists(dataDir.resolve(f))) {
                log.warn("factory reset: secret file {} deleted", f);
            }
        }
    }

    private static void deleteRecordings(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        long n;
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList();
            for (Path p : all) {
                Files.delete(p);
            }
            n = all.stream().filter(p -> p.toString().endsWith(".wav")).count();
        }
        log.warn("factory reset: {} recording(s) deleted as asked", n);
    }

    private static void removeAccounts(DataSource db) throws java.sql.SQLException {
        try (var c = db.getConnection(); var st = c.createStatement()) {
            int n = st.executeUpdate("DELETE FROM admin_users");
            log.warn("factory reset: {} web admin account(s) removed", n);
        }
    }
}
