package io.branchbox.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.PasswordHasher;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.UserStore;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactoryResetTest {

    @Test
    void factoryDocumentAndNoAccountsButTheOldDocumentAndTheEvidenceStay(@TempDir Path data) throws Exception {
        Path config = data.resolve("box.json");
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig site = d.withRevision(7).withSite(new BoxConfig.Site("county-3", "box-9", "Hotline", "Asia/Shanghai"));
        ConfigDocuments.write(config, site);
        Files.createDirectories(data.resolve("recordings"));
        Files.writeString(data.resolve("recordings/evidence.wav"), "kept");
        try (Database db = Database.open(data)) {
            UserStore users = new UserStore(db.dataSource(), PasswordHasher.argon2id(), Clock.systemUTC());
            users.create("lead1", "a long enough password", Role.SUPERVISOR);

            FactoryReset.apply(config, db.dataSource(), data);

            assertEquals(d, ConfigDocuments.read(config));
            assertTrue(users.list().isEmpty(), "accounts removed: the next start writes a new initial password");
        }
        try (Stream<Path> files = Files.list(data)) {
            Path kept = files.filter(p -> p.getFileName().toString().startsWith("box.json.before-factory-reset-"))
                    .findFirst().orElseThrow();
            assertEquals(site, ConfigDocuments.read(kept));
        }
        assertEquals("kept", Files.readString(data.resolve("recordings/evidence.wav")));
    }
}
