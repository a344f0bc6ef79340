package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.Role;
import io.branchbox.firmware.recording.AccessLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium over real work orders: a shift lead resets a crew's PIN on the crews page (stored
 * hashed, never shown), an agent is refused there; an agent hears a voicemail message on the
 * console through the voicemail route (logged like any recording access) but no other recording,
 * and marks it handled. Screenshots to docs/screenshots/.
 */
class CrewPinsAndVoicemailBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = TestBox.userFor(Role.AGENT);
    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
    private static final String VOICEMAIL = "20261207-090500-0003";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    private static TestBox box;
    private static WorkOrderFixture wo;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireInstalled();
        box = new TestBox(dataDir);
        wo = new WorkOrderFixture(box);
        byte[] samples = new byte[16_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) ((i / 2) % 16 < 8 ? 0xD5 : 0xC5);
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        TestRecordings.add(box, VOICEMAIL, "", "repair", "2026/12/07/" + VOICEMAIL + ".wav", TestRecordings.wav(samples),
                started);
        TestRecordings.add(box, "answered-1", "a7", "repair", "2026/12/07/answered-1.wav", TestRecordings.wav(samples),
                started);
        wo.journal.append("call.started", VOICEMAIL, null, null, Map.of("calling", "13700000003"));
        wo.journal.append("call.voicemail", VOICEMAIL, null, "repair", Map.of("file", "x.wav", "durationMs", "9000"));
        wo.journal.flush();
        driver = HeadlessChromium.start(profileDir, "--window-size=1280,1000", "--lang=zh-CN",
                "--autoplay-policy=no-user-gesture-required", "--mute-audio");
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (box != null) {
            box.close();
        }
        if (wo != null) {
            wo.close();
        }
    }

    @Test
    void aShiftLeadResetsACrewPinThatIsStoredHashedAndNeverShownAnAgentMayNot() throws Exception {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), "agent1"); // the morning lead
        driver.get(box.baseUrl() + "/crews");
        By row = By.cssSelector("#crews tr[data-crew='31']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "已设置"));
        driver.findElement(By.cssSelector("#crews tr[data-crew='31'] input.pin")).sendKeys("12");
        driver.findElement(By.cssSelector("#crews tr[data-crew='31'] button.set-pin")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "PIN为4–8位数字"));
        driver.findElement(By.cssSelector("#crews tr[data-crew='31'] input.pin")).sendKeys("97531");
        driver.findElement(By.cssSelector("#crews tr[data-crew='31'] button.set-pin")).click();
        wait.until(ExpectedConditions.textToBe(By.id("done"), "班组 31 的PIN已保存"));
        assertEquals("", driver.findElement(By.cssSelector("#crews tr[data-crew='31'] input.pin")).getAttribute("value"));
        assertFalse(driver.getPageSource().contains("97531"), "the page never shows a PIN");
        screenshot("crew-pins.png");

        assertEquals("31", wo.service.crewPins().verify("31", "97531").orElseThrow().id());
        assertTrue(wo.service.crewPins().verify("31", "2468").isEmpty(), "the old PIN is gone");
        String file = Files.readString(box.dataDir.resolve("wo").resolve("crew-pins.properties"));
        assertFalse(file.contains("97531") || file.contains("2468"), file);
        wo.journal.flush();
        HeadlessChromium.logOut(driver, wait, box.baseUrl());

        WebClient agent = box.client();
        assertEquals(200, agent.login(AGENT, TestBox.PASSWORD).statusCode());
        assertEquals(403, agent.get("/api/crews").statusCode());
        assertEquals(403, agent.postJson("/api/crews/31/pin", "{\"pin\":\"1111\"}").statusCode());
        assertTrue(wo.service.crewPins().verify("31", "1111").isEmpty());
    }

    @Test
    void anAgentHearsAVoicemailLoggedButNoOtherRecordingAndMarksItHandled() throws Exception {
        WebClient api = box.client();
        assertEquals(200, api.login(AGENT, TestBox.PASSWORD).statusCode());
        assertEquals(403, api.get("/api/recordings/answered-1/audio").statusCode(), "an agent hears no recordings");
        assertEquals(404, api.get("/api/voicemails/answered-1/audio").statusCode(), "a call without a message");

        HeadlessChromium.logIn(driver, wait, box.baseUrl(), AGENT);
        driver.get(box.baseUrl() + "/console");
        By listen = By.cssSelector("#vm-list tr[data-call='" + VOICEMAIL + "'] button.vm-listen");
        wait.until(ExpectedConditions.elementToBeClickable(listen));
        // the inbox comes a page at a time through the one pager (pager.js): "1–1 of 1"
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#vm-pages .paging-info"), "1–1 条，共 1 条"));
        driver.findElement(listen).click();
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const a = document.querySelector('#vm-list audio'); return !!a && a.readyState >= 1 && a.duration > 0.5;")));
        screenshot("console-voicemail.png");
        List<AccessLog.Entry> log = new AccessLog(box.dataSource, Clock.systemUTC()).forCall(VOICEMAIL);
        assertTrue(log.stream().anyMatch(e -> e.user().equals(AGENT)), log::toString);

        ((JavascriptExecutor) driver).executeScript("document.querySelector('#vm-list audio').pause();");
        driver.findElement(By.cssSelector("#vm-list tr[data-call='" + VOICEMAIL + "'] button.vm-done")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#vm-list tr[data-call='" + VOICEMAIL + "'] button.vm-done")));
        assertFalse(wo.service.voicemails().list().get(0).open());
        assertEquals(AGENT, wo.service.voicemails().list().get(0).handledBy());
        HeadlessChromium.logOut(driver, wait, box.baseUrl());
    }

    private static void screenshot(String name) throws RuntimeException {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
