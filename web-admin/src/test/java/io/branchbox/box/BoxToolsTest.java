package io.branchbox.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's tool commands as a technician types them: exit codes and what they print. */
class BoxToolsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final BoxTools tools = new BoxTools(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());

    @Test
    void backupThenRestoreFromTheCommandLine(@TempDir Path root) throws Exception {
        Path data = root.resolve("var");
        Path config = root.resolve("etc/box.json");
        Files.createDirectories(config.getParent());
        ConfigDocuments.write(config, ConfigDocuments.defaults().withSite(
                new BoxConfig.Site("s1", "bb-cafe0001", "Hotline", "Asia/Shanghai")));
        Database.open(data).close();
        String before = Files.readString(config);

        assertEquals(0, tools.run("backup", "--config", config.toString(), "--data", data.toString(),
                "--to", root.resolve("usb").toString(), "--no-recordings"), err.toString());
        Path file = Path.of(out.toString().strip());
        assertTrue(Files.exists(file), out.toString());
        ConfigDocuments.write(config, ConfigDocuments.defaults());

        assertEquals(0, tools.run("restore", "--config", config.toString(), "--data", data.toString(), file.toString()),
                err.toString());
        assertEquals(before, Files.readString(config));
        assertEquals(0, tools.run("verify-backup", file.toString()));

        Files.writeString(root.resolve("junk.tar"), "junk");
        assertEquals(1, tools.run("restore", "--config", config.toString(), "--data", data.toString(),
                root.resolve("junk.tar").toString()));
        assertTrue(err.toString().contains("cannot be restored"), err.toString());
        assertEquals(2, tools.run("restore", "--data", data.toString()));
    }

    @Test
    void versionAndProvisionRunFromTheBoxJar() {
        assertEquals(0, tools.run("version"));
        assertTrue(out.toString().startsWith("branchbox "), out.toString());
        assertEquals(0, tools.run("provision", "defaults"));
        assertTrue(out.toString().contains("\"schema\""), out.toString());
    }

    @Test
    void signUpdateMakesAPackageThatOnlyItsKeyVerifies(@TempDir Path root) throws Exception {
        java.security.KeyPair k = io.branchbox.box.update.UpdateKeys.generate();
        Path key = java.nio.file.Files.writeString(root.resolve("key.pem"), io.branchbox.box.update.UpdateKeys.pem(k.getPrivate()));
        Path jar = java.nio.file.Files.write(root.resolve("box.jar"), new byte[4096]);
        Path pkg = root.resolve("branchbox-9.0.0.bbu");
        assertEquals(0, tools.run("sign-update", "--key", key.toString(), "--version", "9.0.0", "--jar", jar.toString(),
                "--out", pkg.toString()), err.toString());
        assertEquals("9.0.0", io.branchbox.box.update.UpdatePackage.verify(pkg, java.util.List.of(k.getPublic()), "1.0").version());
        // the jar's release key did not sign it
        assertEquals(1, tools.run("verify-update", pkg.toString()));
        assertTrue(err.toString().contains("signed with another key"), err.toString());
        assertEquals(2, tools.run("sign-update", "--key", key.toString()));
    }
}
