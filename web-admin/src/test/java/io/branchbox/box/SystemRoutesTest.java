package io.branchbox.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.status.BoxStatusSource;
import io.branchbox.admin.status.StatusView;
import io.branchbox.admin.users.PasswordHasher;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.UserStore;
import io.branchbox.admin.web.AdminConfig;
import io.branchbox.admin.web.AdminServer;
import io.branchbox.admin.web.WebClient;
import io.branchbox.box.backup.BackupRestorer;
import io.branchbox.box.update.UpdateKeys;
import io.branchbox.box.update.UpdatePackage;
import io.branchbox.box.update.Updater;
import io.branchbox.box.update.VersionStore;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web admin's system area over a real server, database and journal. */
class SystemRoutesTest {
    private static final String PASSWORD = "a long test password";

    @TempDir
    Path data;

    private Database db;
    private EventJournal journal;
    private AdminServer server;
    private ApplianceServices appliance;
    private final CountDownLatch restarted = new CountDownLatch(1);
    private final CountDownLatch updateRestarted = new CountDownLatch(1);
    private java.security.KeyPair project;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        config = data.resolve("box.json");
        BoxConfig site = ConfigDocuments.defaults().withRevision(9)
                .withSite(new BoxConfig.Site("county-2", "bb-12345678", "Hotline", "Asia/Shanghai"));
        ConfigDocuments.write(config, site);
        db = Database.open(data);
        journal = EventJournal.open(data.resolve("journal"), Clock.systemUTC());
        journal.append("call.started", "c1", null, "repair", Map.of());
        Files.createDirectories(data.resolve("recordings/2026/12/07"));
        Files.writeString(data.resolve("recordings/2026/12/07/c1.wav"), "RIFF evidence");
        UserStore users = new UserStore(db.dataSource(), PasswordHasher.argon2id(), Clock.systemUTC());
        users.create("tech", PASSWORD, Role.TECHNICIAN, false);
        users.create("lead", PASSWORD, Role.SUPERVISOR, false);
        project = UpdateKeys.generate();
        Updater updater = new Updater(new VersionStore(data.resolve("versions"), Files::newOutputStream), "1.0.0",
                List.of(project.getPublic()), d -> Long.MAX_VALUE, (s, d) -> { });
        appliance = new ApplianceServices(config, data, site, restarted::countDown, Map.of(), updater,
                updateRestarted::countDown);
        BoxStatusSource status = StatusView::empty;
        server = new AdminServer(AdminConfig.defaults().withAddress("127.0.0.1", 0), users, status, Clock.systemUTC(),
                null, null, null, appliance.bind(db.dataSource(), journal, Runnable::run, () -> "ok", new io.branchbox.firmware.runtime.BoxFaults())).start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        appliance.close();
        journal.close();
        db.close();
    }

    private WebClient as(String user) {
        WebClient c = new WebClient("http://127.0.0.1:" + server.port());
        assertEquals(200, c.login(user, PASSWORD).statusCode());
        return c;
    }

    @Test
    void onlySystemAdminsReachTheSystemArea() {
        WebClient lead = as("lead");
        assertEquals(403, lead.get("/api/system").statusCode());
        assertEquals(403, lead.postJson("/api/system/backups", "{}").statusCode());
        assertEquals(403, lead.postJson("/api/system/factory-reset",
                "{\"confirm\":\"FACTORY-RESET\",\"keepRecordings\":true}").statusCode());
        assertEquals(401, new WebClient("http://127.0.0.1:" + server.port()).get("/api/system/backups").statusCode());
    }

    @Test
    void aBackupMadeOnTheWebIsListedDownloadedAndGood() throws Exception {
        WebClient tech = as("tech");
        HttpResponse<String> made = tech.postJson("/api/system/backups?recordings=true", "{}");
        assertEquals(201, made.statusCode(), made.body());
        String name = WebClient.json(made).get("name").asText();
        assertTrue(name.startsWith("branchbox-bb-12345678-"), name);
        JsonNode list = WebClient.json(tech.get("/api/system/backups"));
        assertEquals(name, list.get("backups").get(0).get("name").asText());
        assertEquals(200, tech.get("/api/system/backups/" + name).statusCode());
        assertEquals(404, tech.get("/api/system/backups/..%2Fbox.json").statusCode());
        Path file = data.resolve("backups").resolve(name);
        assertEquals("bb-12345678", new BackupRestorer().verify(file).boxId());
        JsonNode status = WebClient.json(tech.get("/api/system"));
        assertEquals("bb-12345678", status.get("boxId").asText());
    }

    @Test
    void aTechnicianUploadsAnUpdateWhichIsVerifiedInstalledAndJournaled() throws Exception {
        Path jar = Files.write(data.resolve("new.jar"), new byte[50_000]);
        Path good = data.resolve("good.bbu");
        UpdatePackage.write(jar, "1.1.0", project.getPrivate(), java.time.Instant.now(), good);
        Path foreign = data.resolve("foreign.bbu");
        UpdatePackage.write(jar, "1.2.0", UpdateKeys.generate().getPrivate(), java.time.Instant.now(), foreign);

        assertEquals(403, as("lead").postBytes("/api/system/update", Files.readAllBytes(good)).statusCode());
        WebClient tech = as("tech");
        HttpResponse<String> refused = tech.postBytes("/api/system/update", Files.readAllBytes(foreign));
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("signed with another key"), refused.body());
        assertEquals(422, tech.postBytes("/api/system/update", "junk".getBytes()).statusCode());
        assertFalse(Files.exists(data.resolve("versions/current")));

        HttpResponse<String> r = tech.postBytes("/api/system/update", Files.readAllBytes(good));
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("1.1.0", WebClient.json(r).get("to").asText());
        assertEquals(Path.of("1.1.0"), Files.readSymbolicLink(data.resolve("versions/current")));
        assertTrue(updateRestarted.await(10, TimeUnit.SECONDS), "the box restarts into the new version");
        assertEquals("SWITCHING", WebClient.json(tech.get("/api/system")).get("update").get("underWay").get("step").asText());
        journal.flush();
        List<String> types = new java.util.ArrayList<>();
        journal.replay(e -> {
            if (e.type().startsWith("update.")) {
                types.add(e.type() + (e.attrs().containsKey("source") ? " " + e.attrs().get("source") : ""));
            }
        });
        assertEquals(List.of("update.refused web:tech", "update.refused web:tech", "update.attempt web:tech",
                "update.switched web:tech"), types);
    }

    @Test
    void theSystemPageInstallsAnUpdateInChromium(@TempDir Path profile) throws Exception {
        io.branchbox.admin.web.HeadlessChromium.requireInstalled();
        Path jar = Files.write(data.resolve("new.jar"), new byte[50_000]);
        Path good = data.resolve("branchbox-1.1.0.bbu");
        UpdatePackage.write(jar, "1.1.0", project.getPrivate(), java.time.Instant.now(), good);
        Path tampered = data.resolve("branchbox-1.2.0.bbu");
        UpdatePackage.write(jar, "1.2.0", UpdateKeys.generate().getPrivate(), java.time.Instant.now(), tampered);
        org.openqa.selenium.WebDriver driver = io.branchbox.admin.web.HeadlessChromium.start(profile);
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 900));
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30));
            String base = "http://127.0.0.1:" + server.port();
            io.branchbox.admin.web.HeadlessChromium.logIn(driver, wait, base, "tech", PASSWORD);
            driver.get(base + "/system");
            var running = org.openqa.selenium.By.id("running");
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(running, "1.0.0"));
            var message = org.openqa.selenium.By.id("update-message");
            driver.findElement(org.openqa.selenium.By.id("package")).sendKeys(tampered.toString());
            driver.findElement(org.openqa.selenium.By.id("install")).click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(message,
                    "signed with another key"));
            assertFalse(Files.exists(data.resolve("versions/current")));
            driver.findElement(org.openqa.selenium.By.id("package")).sendKeys(good.toString());
            driver.findElement(org.openqa.selenium.By.id("install")).click();
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(message, "1.1.0"));
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                    org.openqa.selenium.By.id("under-way"), "SWITCHING"));
            assertEquals(Path.of("1.1.0"), Files.readSymbolicLink(data.resolve("versions/current")));
            io.branchbox.admin.web.HeadlessChromium.screenshot(driver, "system-update");
        } finally {
            driver.quit();
        }
    }

    @Test
    void factoryResetFromTheWebWipesAccountsAndSecretsAndMayDeleteRecordings() throws Exception {
        WebClient tech = as("tech");
        assertEquals(400, tech.postJson("/api/system/factory-reset", "{\"keepRecordings\":true}").statusCode());
        assertEquals(400, tech.postJson("/api/system/factory-reset", "{\"confirm\":\"FACTORY-RESET\"}").statusCode());
        HttpResponse<String> r = tech.postJson("/api/system/factory-reset",
                "{\"confirm\":\"FACTORY-RESET\",\"keepRecordings\":false}");
        assertEquals(202, r.statusCode(), r.body());
        assertTrue(restarted.await(10, TimeUnit.SECONDS), "the box restarts itself");
        assertEquals(ConfigDocuments.defaults(), ConfigDocuments.read(config));
        UserStore users = new UserStore(db.dataSource(), PasswordHasher.argon2id(), Clock.systemUTC());
        assertEquals(List.of(), users.list());
        assertFalse(Files.exists(data.resolve("recordings/2026/12/07/c1.wav")));
        journal.flush();
        StringBuilder types = new StringBuilder();
        journal.replay(e -> types.append(e.type()).append(' '));
        assertTrue(types.toString().contains("system.factory-reset"), types.toString());
    }
}
