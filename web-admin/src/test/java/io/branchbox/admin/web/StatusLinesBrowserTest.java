package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.Role;
import java.nio.file.Path;
import java.time.Duration;
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
 * The status page's lines section in Chromium: the span's 30 B-channels as a grid in their
 * states, a click blocks an idle channel (after a confirmation), the analog lines, and the board's
 * health in °C and V. Screenshot: docs/screenshots/status-lines.png.
 */
class StatusLinesBrowserTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    private static TestBox box;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        HeadlessChromium.requireInstalled();
        box = new TestBox(dataDir);
        driver = HeadlessChromium.start(profileDir, "--window-size=1366,1400");
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
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
    void aTechnicianSeesEveryChannelAndBlocksOne() throws Exception {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".channels .channel"), 30));
        assertTrue(driver.findElement(By.cssSelector(".channel[data-timeslot='5']")).getAttribute("class").contains("busy"));
        assertTrue(driver.findElement(By.cssSelector(".channel[data-timeslot='7']")).getAttribute("class").contains("blocked"));
        assertEquals("板卡温度 41.5 °C，供电 5.02 V", driver.findElement(By.id("board-health")).getText());
        assertEquals(2, driver.findElements(By.cssSelector("#analog-lines tr")).size());
        ((JavascriptExecutor) driver).executeScript("document.getElementById('lines-section').scrollIntoView()");
        HeadlessChromium.screenshot(driver, "status-lines");

        driver.findElement(By.cssSelector(".channel[data-timeslot='3']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> box.spans.acts.stream().anyMatch(a -> a.startsWith("block 0/3")));
    }
}
