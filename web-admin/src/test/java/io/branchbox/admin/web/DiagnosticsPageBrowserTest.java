package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.status.FakeStatusSource;
import io.branchbox.admin.users.Role;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The technician's diagnostics tab in Chromium: the board's raw counters, the D-channel capture
 * download of each span, an analog line capture started from the page (its files offered), and
 * recording a prompt by phone, whose refusal (this box has no phone recorder) comes back in
 * Chinese. A shift lead, without DIAGNOSTICS, is refused the page. Screenshot:
 * docs/screenshots/diagnostics.png.
 */
class DiagnosticsPageBrowserTest {
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
        box.status.set(FakeStatusSource.sample());
        driver = HeadlessChromium.start(profileDir, "--window-size=1366,1100");
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
    void aTechnicianCapturesALineDownloadsTheDChannelAndIsToldWhyNoPromptCanBeRecorded() throws Exception {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD);
        driver.get(box.baseUrl() + "/diagnostics");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("counters"), "crcErrors"));
        assertTrue(driver.findElement(By.id("counters")).getText().contains("3"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dchannel-links a[data-span='0']")));
        assertEquals(box.baseUrl() + "/api/spans/0/capture.pcap",
                driver.findElement(By.cssSelector("#dchannel-links a[data-span='0']")).getAttribute("href"));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#line-port option[value='0']")));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("line-port"))).selectByValue("0");
        driver.findElement(By.id("line-seconds")).clear();
        driver.findElement(By.id("line-seconds")).sendKeys("30");
        driver.findElement(By.id("line-start")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#line-files a")));
        assertEquals("capture fxo0 30s", box.spans.acts.get(box.spans.acts.size() - 1));
        assertTrue(driver.findElement(By.cssSelector("#line-files a")).getAttribute("href").contains("/api/captures/"));

        // a wrong number of seconds: the box's refusal, not a silent nothing
        driver.findElement(By.id("line-seconds")).clear();
        driver.findElement(By.id("line-seconds")).sendKeys("abc");
        driver.findElement(By.id("line-start")).click();
        wait.until(d -> !d.findElement(By.id("diag-message")).getText().isEmpty());

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("phone-section")));
        driver.findElement(By.id("phone-set")).sendKeys("site");
        driver.findElement(By.id("phone-name")).sendKeys("welcome");
        driver.findElement(By.id("phone-seat")).sendKeys("3");
        driver.findElement(By.id("phone-start")).click();
        wait.until(ExpectedConditions.textToBe(By.id("phone-result"), "本机不支持电话录音。"));
        HeadlessChromium.screenshot(driver, "diagnostics");
    }

    @Test
    void aShiftLeadHasNoDiagnosticsTab() {
        WebClient lead = box.client();
        lead.login(TestBox.userFor(Role.SHIFT_LEAD), TestBox.PASSWORD);
        assertEquals(403, lead.get("/diagnostics").statusCode());
        assertEquals(403, lead.get("/api/spans/0/capture.pcap").statusCode());
    }
}
