package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.Role;
import io.branchbox.firmware.recording.AccessAction;
import io.branchbox.firmware.recording.AccessLog;
import io.branchbox.firmware.recording.RecordingCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium: a supervisor finds a recording, plays it in the page's {@code <audio>}
 * (which proves the PCM stream is something a browser decodes) and puts it on legal hold through
 * the page's CSRF-protected POST. Same browser requirements and {@code BOX_SKIP_BROWSER} rule as
 * {@link StatusPageBrowserTest}.
 */
class RecordingsPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    private static TestBox box;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireInstalled();
        box = new TestBox(dataDir);
        // one second of a quiet tone-like pattern: 8000 stereo sample frames
        byte[] samples = new byte[16_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) ((i / 2) % 16 < 8 ? 0xD5 : 0xC5);
        }
        TestRecordings.add(box, "c1", "a7", "sales", "2026/03/02/c1.wav", TestRecordings.wav(samples),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600));
        // 25 more calls, from callers 03017001 .. 03017025, for paging and the search by caller
        for (int i = 1; i <= 25; i++) {
            String id = String.format("70%02d", i);
            TestRecordings.add(box, id, "a7", "sales", "2026/03/02/" + id + ".wav", TestRecordings.wav(samples),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1200 + i));
        }
        driver = HeadlessChromium.start(profileDir, "--autoplay-policy=no-user-gesture-required", "--mute-audio");
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (box != null) {
            box.close();
        }
    }

    @Test
    void supervisorListensToARecordingAndPutsItOnLegalHold() throws Exception {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), TestBox.userFor(Role.SUPERVISOR));
        wait.until(ExpectedConditions.urlToBe(box.baseUrl() + "/wallboard"));
        driver.get(box.baseUrl() + "/recordings");

        By row = By.cssSelector("#recordings tr[data-call-id='c1']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        assertTrue(driver.findElement(row).getText().contains("0301c1"), driver.findElement(row).getText());

        driver.findElement(row).findElement(By.xpath(".//button[text()='收听']")).click();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // readyState 1: the browser parsed the stream's header and knows the duration
        wait.until(d -> ((Number) js.executeScript("return document.getElementById('player').readyState")).intValue() >= 1);
        assertEquals(null, js.executeScript("return document.getElementById('player').error"));
        double seconds = ((Number) js.executeScript("return document.getElementById('player').duration")).doubleValue();
        assertEquals(1.0, seconds, 0.01);

        driver.findElement(row).findElement(By.xpath(".//button[text()='设为保全']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "保全中"));
        assertTrue(new RecordingCatalog(box.dataSource, box.recordings).find("c1").orElseThrow().legalHold());
        List<AccessAction> actions = new AccessLog(box.dataSource, Clock.systemUTC()).forCall("c1").stream()
                .map(AccessLog.Entry::action).distinct().toList();
        assertTrue(actions.containsAll(Arrays.asList(AccessAction.LISTEN, AccessAction.HOLD)), actions.toString());

        // the box pages and counts: 26 recordings, 20 a page
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pages span"), "1–20 条，共 26 条"));
        assertEquals(20, driver.findElements(By.cssSelector("#recordings tr")).size());
        driver.findElement(By.xpath("//div[@id='pages']/button[2]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pages span"), "21–26 条，共 26 条"));
        // the box searches by caller digits: 0301701 is in 03017010 .. 03017019
        driver.findElement(By.id("caller")).sendKeys("0301701");
        driver.findElement(By.cssSelector("#search button[type='submit'], #search input[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#pages span"), "1–10 条，共 10 条"));
        List<String> callers = driver.findElements(By.cssSelector("#recordings tr td:nth-child(3)")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
        assertEquals(10, callers.size());
        assertTrue(callers.stream().allMatch(c -> c.startsWith("0301701")), callers.toString());
        Screenshots.desktop(driver);
        js.executeScript("document.getElementById('caller').scrollIntoView()");
        Screenshots.take(driver, "recordings-search");
    }
}
