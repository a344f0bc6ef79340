package io.branchbox.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.admin.config.ConfigService;
import io.branchbox.admin.config.UplinkTester;
import io.branchbox.admin.status.BoxStatusSource;
import io.branchbox.admin.status.StatusView;
import io.branchbox.admin.system.FirstBootHandlers;
import io.branchbox.admin.users.PasswordHasher;
import io.branchbox.admin.users.UserStore;
import io.branchbox.admin.web.AdminConfig;
import io.branchbox.admin.web.AdminServer;
import io.branchbox.admin.web.HeadlessChromium;
import io.branchbox.admin.web.WebClient;
import io.branchbox.box.firstboot.FirstBootReport;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigApplyPlan;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigRevisions;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.runtime.BoxFaults;
import io.branchbox.firmware.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The first-boot wizard over a real server, database, journal and configuration revisions: a
 * technician on the LAN sets site, time zone, admin password and the office's MQTT in Chromium;
 * the wizard then closes; the status page shows the first-boot report (a refused provisioning
 * file with its reasons). Screenshots: first-boot-wizard.png, status-first-boot.png.
 */
class FirstBootWizardBrowserTest {
    private static final String NEW_PASSWORD = "county seven hotline 2026";

    @TempDir
    Path data;
    @TempDir
    Path profile;

    private Database db;
    private EventJournal journal;
    private AdminServer server;
    private ApplianceServices appliance;
    private ConfigService configuration;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Path config = data.resolve("box.json");
        BoxConfig factory = ConfigDocuments.defaults();
        ConfigDocuments.write(config, factory);
        // first boot found a provisioning file on a USB stick and refused it
        Files.write(data.resolve(FirstBootReport.FILE), new ObjectMapper().writeValueAsBytes(new FirstBootReport(
                "2026-12-07T01:00:00Z", factory.site().boxId(), "/media/usb/branchbox/box.json", false,
                List.of("site.timezone: unknown time zone Mars/Olympus", "schema: 9 is newer than this firmware (3)"))));
        db = Database.open(data);
        journal = EventJournal.open(data.resolve("journal"), Clock.systemUTC());
        UserStore users = new UserStore(db.dataSource(), PasswordHasher.argon2id(), Clock.systemUTC());
        users.ensureInitialAdmin(data);
        configuration = new ConfigService(ConfigRevisions.open(config, factory, Clock.systemUTC(), 20), factory,
                next -> CompletableFuture.completedFuture(ConfigApplyPlan.between(factory, next)), user -> false,
                u -> new UplinkTester.Result(false, "config.uplink.unreachable", u.serverUri()));
        appliance = new ApplianceServices(config, data, factory, () -> { }, Map.of());
        BoxStatusSource status = StatusView::empty;
        server = new AdminServer(AdminConfig.defaults().withAddress("127.0.0.1", 0), users, status, Clock.systemUTC(),
                null, null, null, appliance.bind(db.dataSource(), journal, Runnable::run, () -> "ok", new BoxFaults())).start();
        appliance.attachWeb(configuration, () -> "3F:9A:0C:21:7B:44:D0:19:8E:AA:61:5C:02:F3:90:11");
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        appliance.close();
        journal.close();
        db.close();
    }

    @Test
    void onlyTheLanAndTheBoxItselfReachTheWizard() {
        for (String lan : List.of("127.0.0.1", "::1", "192.168.1.20", "10.3.0.7", "172.20.1.1", "169.254.3.3", "fd12::5",
                "fe80::1")) {
            assertTrue(FirstBootHandlers.fromLan(lan), lan);
        }
        for (String wan : List.of("8.8.8.8", "100.64.0.1", "2001:db8::1", "172.32.0.1", "not an address")) {
            assertFalse(FirstBootHandlers.fromLan(wan), wan);
        }
    }

    @Test
    void badAnswersChangeNothing() throws Exception {
        WebClient c = new WebClient(base);
        HttpResponse<String> r = c.postJson("/api/first-boot", "{\"siteId\":\"county-7\",\"timezone\":\"Mars/Olympus\","
                + "\"password\":\"short\",\"mqttEnabled\":false}");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("core.error.passwordShort") && r.body().contains("timezone"), r.body());
        assertTrue(Files.exists(data.resolve(UserStore.INITIAL_PASSWORD_FILE)), "the wizard stays open");
        assertEquals(ConfigDocuments.defaults().site(), configuration.current().site());
        assertEquals(200, c.get("/api/first-boot").statusCode());
    }

    @Test
    void aTechnicianSetsTheBoxUpThenTheWizardClosesAndTheStatusPageShowsTheFirstBoot() throws Exception {
        HeadlessChromium.requireInstalled();
        WebDriver driver = HeadlessChromium.start(profile);
        try {
            driver.manage().window().setSize(new Dimension(1000, 1500));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(base + "/first-boot");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fingerprint"), "3F:9A"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#network tr")));
            driver.findElement(By.id("site-id")).clear();
            driver.findElement(By.id("site-id")).sendKeys("county-7");
            driver.findElement(By.id("timezone")).clear();
            driver.findElement(By.id("timezone")).sendKeys("Asia/Shanghai");
            driver.findElement(By.id("password")).sendKeys(NEW_PASSWORD);
            driver.findElement(By.id("repeat")).sendKeys(NEW_PASSWORD);
            if (!driver.findElement(By.id("mqtt-enabled")).isSelected()) {
                driver.findElement(By.id("mqtt-enabled")).click();
            }
            driver.findElement(By.id("mqtt-uri")).clear();
            driver.findElement(By.id("mqtt-uri")).sendKeys("ssl://office.example:8883");
            HeadlessChromium.screenshot(driver, "first-boot-wizard");
            driver.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
            assertTrue(driver.findElement(By.id("done-text")).getText().contains("county-7"));

            assertEquals("county-7", configuration.current().site().siteId());
            assertTrue(configuration.current().uplink().enabled());
            assertEquals("ssl://office.example:8883", configuration.current().uplink().serverUri());
            assertFalse(Files.exists(data.resolve(UserStore.INITIAL_PASSWORD_FILE)), "the initial password is gone");
            WebClient c = new WebClient(base);
            assertEquals(404, c.get("/api/first-boot").statusCode(), "the wizard is closed");
            assertEquals(404, c.get("/first-boot").statusCode());
            journal.flush();
            StringBuilder types = new StringBuilder();
            journal.replay(e -> types.append(e.type()).append(' '));
            assertTrue(types.toString().contains("system.first-boot-wizard"), types.toString());

            HeadlessChromium.logIn(driver, wait, base, UserStore.INITIAL_ADMIN, NEW_PASSWORD);
            driver.get(base + "/");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("appliance-problems"), "Mars/Olympus"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("appliance-wizard"), "county-7"));
            String provisioning = driver.findElement(By.id("appliance-provisioning")).getText();
            assertTrue(provisioning.contains("/media/usb/branchbox/box.json"), provisioning);
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                    driver.findElement(By.id("appliance")));
            driver.manage().window().setSize(new Dimension(1200, 900));
            HeadlessChromium.screenshot(driver, "status-first-boot");
        } finally {
            driver.quit();
        }
    }
}
