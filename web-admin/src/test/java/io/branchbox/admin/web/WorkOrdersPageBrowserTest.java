package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.console.FakeAgentConsole;
import io.branchbox.admin.users.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The work-order pages in Chromium over real work orders in virtual time: an agent opens a repair
 * from the call on the console, dispatches it, sees it late (list and wallboard); the morning lead writes the handover
 * and the evening lead acknowledges it. Screenshots go to docs/screenshots/. Browser set-up and
 * the {@code BOX_SKIP_BROWSER=1} escape as in {@link StatusPageBrowserTest}.
 */
class WorkOrdersPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = TestBox.userFor(Role.AGENT);
    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    private static TestBox box;
    private static WorkOrderFixture wo;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        HeadlessChromium.requireInstalled();
        box = new TestBox(dataDir);
        wo = new WorkOrderFixture(box);
        driver = HeadlessChromium.start(profileDir, "--window-size=1280,1500", "--lang=zh-CN");
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
    void anAgentOpensARepairFromTheCallDispatchesItSeesItLateAndTheLeadsHandOver() throws IOException {
        box.console.offer(AGENT, FakeAgentConsole.sampleCall());
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), AGENT);
        driver.get(box.baseUrl() + "/console");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("wo-new")));
        driver.get(box.baseUrl() + "/workorders#new");
        wait.until(ExpectedConditions.attributeToBe(By.id("c-call"), "value", FakeAgentConsole.sampleCall().callId()));
        assertEquals("13800138000", driver.findElement(By.id("c-number")).getAttribute("value"));
        driver.findElement(By.id("c-name")).clear();
        driver.findElement(By.id("c-name")).sendKeys("陈先生");
        driver.findElement(By.id("c-address")).sendKeys("城关镇解放路12号");
        driver.findElement(By.id("c-summary")).sendKeys("整栋楼停电");
        driver.findElement(By.id("create-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("d-number"), "1001"));
        assertEquals("工单 1001 已受理", driver.findElement(By.id("done")).getText());
        assertEquals(AGENT, driver.findElement(By.id("d-owner")).getText());

        new Select(driver.findElement(By.id("e-stage"))).selectByValue("DISPATCH");
        driver.findElement(By.id("e-crew")).sendKeys("31");
        wo.time.advance(Duration.ofMinutes(3));
        driver.findElement(By.id("enter-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("d-status"), "已派工"));
        screenshot("workorders-dispatched.png");

        wo.time.advance(Duration.ofMinutes(46)); // arrival was due 45 min after dispatch
        driver.get(box.baseUrl() + "/workorders");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "超时"));
        driver.findElement(By.cssSelector("#orders tr[data-number='1001']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-due"), "到达现场"));
        assertTrue(driver.findElement(By.id("d-due")).getText().contains("超时"));
        screenshot("workorders-late.png");
        HeadlessChromium.logOut(driver, wait, box.baseUrl());

        wo.time.advance(Duration.ofHours(7).plusMinutes(20)); // 17:09 — the morning lead hands over
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), "agent1");
        // the lead corrects the dispatch (a new event under the stage, the stage itself unchanged)
        driver.get(box.baseUrl() + "/workorders");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#orders tr[data-number='1001']"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("d-number"), "1001"));
        new Select(driver.findElement(By.id("k-ref"))).selectByIndex(1); // 派工
        driver.findElement(By.id("k-text")).sendKeys("派工班组应为抢修二班");
        driver.findElement(By.id("correct-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#d-stages tr.correction"),
                "更正: 派工班组应为抢修二班"));
        assertEquals(1, driver.findElements(By.cssSelector("#d-stages tr.correction")).size());
        assertEquals(2, driver.findElements(By.cssSelector("#d-stages tr:not(.correction)")).size(),
                "accepted and dispatched stay as entered");
        screenshot("workorders-correction.png");
        driver.get(box.baseUrl() + "/wallboard");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#late-orders .late-order[data-number='1001']")));
        assertTrue(driver.findElement(By.id("late-orders")).getText().contains("到达现场"));
        // the queues and the agents come from the snapshot stream, not with the late orders: the
        // screenshot shows the whole wall as the branch sees it, not a half-loaded one
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queues .queue")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#agents .tile")));
        screenshot("wallboard-late-order.png");
        driver.get(box.baseUrl() + "/handover");
        wait.until(ExpectedConditions.textToBe(By.id("h-orders"), "1001"));
        assertEquals("1001", driver.findElement(By.id("h-alarms")).getText());
        driver.findElement(By.id("h-notes")).sendKeys("1001 抢修一班未报到达，已电话催促");
        driver.findElement(By.id("write-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#handovers button.ack")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("write")));
        screenshot("handover-written.png");
        HeadlessChromium.logOut(driver, wait, box.baseUrl());

        wo.time.advance(Duration.ofMinutes(30)); // 17:39, the evening shift
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), "agent3");
        driver.get(box.baseUrl() + "/handover");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#handovers button.ack"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handovers"), "已确认 · agent3"));
        wait.until(ExpectedConditions.textToBe(By.id("h-from"), "2026-12-07/evening (agent3)"));
        screenshot("handover-acknowledged.png");
        assertEquals("2026-12-07/evening", wo.service.book().find("1001").orElseThrow().shift());

        // the wallboard is pushed, not polled: the crew reports arrival on its phone and the red
        // card leaves the open wallboard without a reload (the page no longer polls at all)
        driver.get(box.baseUrl() + "/wallboard");
        By lateCard = By.cssSelector("#late-orders .late-order[data-number='1001']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(lateCard));
        WebClient crewPhone = box.client();
        assertEquals(200, crewPhone.login(AGENT, TestBox.PASSWORD).statusCode());
        assertEquals(200, crewPhone.postJson("/api/workorders/crew-report",
                "{\"crew\":\"31\",\"pin\":\"2468\",\"order\":\"1001\",\"stage\":\"ARRIVE\"}").statusCode());
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("late-panel")));
        assertEquals(0, driver.findElements(lateCard).size(), "the pushed list has no late order left");
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
