package io.branchbox.box.firstboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstBootTest {
    @TempDir
    Path root;

    private final FirstBoot firstBoot = new FirstBoot(Clock.systemUTC(), new SecureRandom());

    private Path config() {
        return root.resolve("etc/box.json");
    }

    private Path data() {
        return root.resolve("data");
    }

    @Test
    void anEmptyDataDirectoryGetsAnIdentityThatIsKept() throws Exception {
        FirstBootReport r = firstBoot.prepare(config(), data(), List.of(root.resolve("boot").toString())).orElseThrow();
        String id = r.boxId();
        assertTrue(id.matches("bb-[0-9a-f]{8}"), id);
        assertEquals(id, ConfigDocuments.read(config()).site().boxId());
        assertEquals("", r.provisioningFile());
        assertFalse(r.applied());
        assertEquals(Optional.of(r), FirstBoot.lastReport(data()));

        Files.createDirectories(data().resolve("journal")); // the box ran
        assertEquals(Optional.empty(), firstBoot.prepare(config(), data(), List.of()));
        assertEquals(id, ConfigDocuments.read(config()).site().boxId());
        // a factory reset writes the factory document: the next start gives it the same id again
        ConfigDocuments.write(config(), ConfigDocuments.defaults());
        firstBoot.prepare(config(), data(), List.of());
        assertEquals(id, ConfigDocuments.read(config()).site().boxId());
    }

    @Test
    void aValidProvisioningFileIsAppliedWithoutAPerson() throws Exception {
        Path boot = root.resolve("boot/branchbox");
        Path usb = root.resolve("media/usb/branchbox");
        Files.createDirectories(boot);
        Files.createDirectories(usb);
        BoxConfig site = ConfigDocuments.defaults().withRevision(4)
                .withSite(new BoxConfig.Site("county-12", "bb-roll0042", "Power hotline", "Asia/Urumqi"));
        ConfigDocuments.write(usb.resolve(FirstBoot.PROVISIONING_FILE), site);
        Files.writeString(root.resolve("media/usb/branchbox/other.json"), "{}");

        FirstBootReport r = firstBoot.prepare(config(), data(), List.of(boot.toString(), usb.toString())).orElseThrow();

        assertTrue(r.applied(), r.toString());
        assertEquals(usb.resolve("box.json").toString(), r.provisioningFile());
        assertEquals(site, ConfigDocuments.read(config()));
    }

    @Test
    void anInvalidProvisioningFileChangesNothingAndSaysWhy() throws Exception {
        Path boot = root.resolve("boot/branchbox");
        Files.createDirectories(boot);
        String json = ConfigDocuments.toJson(ConfigDocuments.defaults())
                .replace("\"Asia/Shanghai\"", "\"Mars/Olympus\"")
                .replace("\"retentionDays\" : 183", "\"retentionDays\" : 0");
        Files.writeString(boot.resolve(FirstBoot.PROVISIONING_FILE), json);

        FirstBootReport r = firstBoot.prepare(config(), data(), List.of(boot.toString())).orElseThrow();

        assertFalse(r.applied());
        assertEquals(2, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).contains("site.timezone"), r.errors().toString());
        assertTrue(r.errors().get(1).contains("recording.retentionDays"), r.errors().toString());
        BoxConfig now = ConfigDocuments.read(config());
        assertEquals(ConfigDocuments.defaults().site().siteId(), now.site().siteId());
        assertEquals("Asia/Shanghai", now.site().timezone());
        assertEquals(r, FirstBoot.lastReport(data()).orElseThrow());
    }

    @Test
    void aTruncatedProvisioningFileIsNotApplied() throws Exception {
        Path boot = root.resolve("boot");
        Files.createDirectories(boot);
        String json = ConfigDocuments.toJson(ConfigDocuments.defaults());
        Files.writeString(boot.resolve(FirstBoot.PROVISIONING_FILE), json.substring(0, json.length() / 3));

        FirstBootReport r = firstBoot.prepare(config(), data(), List.of(boot.toString())).orElseThrow();

        assertFalse(r.applied());
        assertFalse(r.errors().isEmpty());
        assertEquals(ConfigDocuments.defaults().site().siteId(), ConfigDocuments.read(config()).site().siteId());
    }
}
