package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.status.FakeStatusSource;
import io.branchbox.admin.status.StatusView;
import io.branchbox.admin.users.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium logs in through the login page and watches the status page render
 * values from the fake box, with the page's own CSP and JavaScript.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromedriver} at {@value HeadlessChromium#CHROMIUM} and
 * {@value HeadlessChromium#CHROMEDRIVER}. When they are missing the test FAILS (so a CI without a browser is
 * noticed) unless the environment sets {@code BOX_SKIP_BROWSER=1}, which skips it on purpose.
 * Selenium Manager never runs: the driver and browser paths are given explicitly, so nothing is
 * downloaded.
 */
class StatusPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    private static TestBox box;
    private static WebDriver driver;
    private static WebDriverWait wait;

    /** One browser and one box for the class: starting Chromium is the slow part. */
    @BeforeAll
    static void start() {
        HeadlessChromium.requireInstalled();
        box = new TestBox(dataDir);
        driver = HeadlessChromium.start(profileDir);
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

    @BeforeEach
    void loggedOutWithSampleStatus() {
        box.status.set(FakeStatusSource.sample());
        driver.get(box.baseUrl() + "/health-check");
        driver.manage().deleteAllCookies();
    }

    @Test
    void viewerLogsInAndSeesTheLiveStatusFollowTheBox() {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), TestBox.userFor(Role.VIEWER));

        wait.until(ExpectedConditions.textToBe(By.id("board-serial"), FakeStatusSource.SERIAL));
        assertEquals("running", driver.findElement(By.id("board-state")).getText());
        assertEquals("repairs", driver.findElement(By.cssSelector("#queues td")).getText());
        assertTrue(driver.findElement(By.id("calls")).getText().contains("95598"));
        // the call's state by its name, and its time counted on the box's clock (the snapshot was
        // taken 12 s after the call entered its state, on 1 January; the browser's clock says otherwise)
        String call = driver.findElement(By.cssSelector("#calls tr")).getText();
        assertTrue(call.contains("排队中") && call.matches("(?s).*\\b1\\d秒.*"), call);
        assertTrue(driver.findElement(By.id("spans")).getText().contains("LOS"));
        assertTrue(driver.findElement(By.id("spans")).getText().contains("44 \u00d7 2, 96 \u00d7 1"),
                "refusals per cause: " + driver.findElement(By.id("spans")).getText());
        // alarms with since when, by their names, counted on the box's clock
        String alarms = driver.findElement(By.id("alarms")).getText();
        assertTrue(alarms.contains("紧急") && alarms.contains("E1 中继 2：线路告警（LOS、LOF、AIS、RAI 或 CRC-4）")
                && alarms.contains("2025/12/31 23:00:00") && alarms.matches("(?s).*1小时0分1\\d秒.*"), alarms);
        assertTrue(driver.findElements(By.id("counters")).isEmpty(), "the raw counters are on the diagnostics tab");
        screenshot("status-refusals.png");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Screenshots.take(driver, "status-alarms");

        StatusView before = FakeStatusSource.sample();
        box.status.set(new StatusView(
                new StatusView.Board("fault", "board link lost", FakeStatusSource.SERIAL, "2.1.0", Map.of()),
                before.spans(), List.of(), before.queues(), before.agents(), before.recording(),
                before.uplink(), before.uptimeSeconds(), before.versions(), before.takenAtEpochMs()));

        wait.until(ExpectedConditions.textToBe(By.id("board-state"), "fault"));
        assertEquals("board link lost", driver.findElement(By.id("board-reason")).getText());
    }

    @Test
    void initialAdminIsMadeToChangePasswordThenSeesTheStatus() {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), "admin", box.initialPassword());
        wait.until(ExpectedConditions.urlToBe(box.baseUrl() + "/password"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current"))).sendKeys(box.initialPassword());
        driver.findElement(By.id("new")).sendKeys("a passphrase of my own");
        driver.findElement(By.id("repeat")).sendKeys("a passphrase of my own");
        driver.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.textToBe(By.id("board-serial"), FakeStatusSource.SERIAL));
        assertEquals(box.baseUrl() + "/", driver.getCurrentUrl());
    }

    private byte[] screenshotOfSpans() {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.id("spans")).findElement(By.xpath("ancestor::section")));
        return ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    }

    /** Saves the spans section as the viewer sees it into docs/screenshots (run from the web-admin module). */
    private void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("..", "docs", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name),
                    screenshotOfSpans());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
