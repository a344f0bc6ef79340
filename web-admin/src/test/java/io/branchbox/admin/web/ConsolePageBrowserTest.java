package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.console.FakeAgentConsole;
import io.branchbox.admin.users.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium works the agent console against the fake call control: seat login,
 * a screen pop whose caller name and earlier notes hold markup (shown as text, never run), answer,
 * hold, a blind transfer to a colleague and the wrap-up form.
 *
 * <p>Browser set-up and the {@code BOX_SKIP_BROWSER=1} escape as in {@link StatusPageBrowserTest}:
 * without Chromium the test fails unless skipped on purpose.
 */
class ConsolePageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = TestBox.userFor(Role.AGENT);

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
        // the box's clock stands 95 s after the fake console's "since" (early January), the browser's says December
        box = new TestBox(dataDir, Clock.offset(Clock.systemUTC(),
                Duration.between(Instant.now(), FakeAgentConsole.T0.plusSeconds(95))));
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

    @Test
    void agentTakesACallWithScreenPopHoldsTransfersAndWrapsUp() {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), AGENT);
        wait.until(ExpectedConditions.urlToBe(box.baseUrl() + "/console"));
        driver.get(box.baseUrl() + "/console");
        wait.until(ExpectedConditions.textToBe(By.id("agent-name"), "Li Na (" + AGENT + ")"));

        driver.findElement(By.id("seat-number")).sendKeys("3");
        driver.findElement(By.id("seat-login-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("agent-seat"), "3"));
        assertEquals("login " + AGENT + " 3", box.console.acts.get(0));
        // time in state counted on the box's clock (the push's "clock" event), not the browser's
        wait.until(d -> d.findElement(By.id("agent-since")).getText().matches("[1-3]分\\d{1,2}秒"));

        box.console.offer(AGENT, FakeAgentConsole.sampleCall());
        wait.until(ExpectedConditions.textToBe(By.id("call-number"), "13800138000"));
        assertEquals("<script>alert(1)</script>", driver.findElement(By.id("call-name")).getText());
        String history = driver.findElement(By.id("history")).getText();
        assertTrue(history.contains("<b>x</b> power cut since noon"), history);
        assertTrue(history.contains("已受理报修") && history.contains("zhao") && history.contains("Mr Chen"), history);
        assertTrue(driver.findElements(By.cssSelector("#history b, #call-panel script")).isEmpty());

        driver.findElement(By.id("answer")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("call-state"), "data-state", "CONNECTED"));
        assertEquals("通话中", driver.findElement(By.id("call-state")).getText(), "states by their Chinese names");
        driver.findElement(By.id("hold")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("call-state"), "data-state", "HELD"));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transfer-target option[value='zhao']")));
        new Select(driver.findElement(By.id("transfer-target"))).selectByValue("zhao");
        driver.findElement(By.id("transfer-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wrap-up-panel")));
        assertEquals(FakeAgentConsole.sampleCall().callId(), driver.findElement(By.id("wrap-up-call")).getText());

        new Select(driver.findElement(By.id("wrap-up-code"))).selectByValue("inquiry-answered");
        driver.findElement(By.id("wrap-up-notes")).sendKeys("<i>asked about the outage</i>");
        driver.findElement(By.id("wrap-up-name")).sendKeys("Mr Chen");
        driver.findElement(By.id("wrap-up-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("done"), "小结已保存。"));

        assertEquals(List.of("login " + AGENT + " 3", "answer " + AGENT, "hold " + AGENT,
                "transfer " + AGENT + " agent:zhao blind",
                "wrap-up " + AGENT + " " + FakeAgentConsole.sampleCall().callId()
                        + " inquiry-answered [<i>asked about the outage</i>] [Mr Chen]"), box.console.acts);
    }

    @Test
    void theCallbackListShowsTenAtATimeWithItsTotalAndTheNextPage() throws Exception {
        for (int i = 0; i < 12; i++) {
            box.console.callbackList.add(String.format("138001380%02d repairs", i));
        }
        try {
            HeadlessChromium.logIn(driver, wait, box.baseUrl(), AGENT);
            driver.get(box.baseUrl() + "/console");
            // the one pager of every list (pager.js) over the list envelope (admin.http.Paging)
            By info = By.cssSelector("#callback-pages .paging-info");
            wait.until(ExpectedConditions.textToBe(info, "1–10 条，共 12 条"));
            assertEquals(10, driver.findElements(By.cssSelector("#callbacks tr")).size());
            driver.findElement(By.cssSelector("#callback-pages button:last-child")).click();
            wait.until(ExpectedConditions.textToBe(info, "11–12 条，共 12 条"));
            assertEquals(2, driver.findElements(By.cssSelector("#callbacks tr")).size());
            assertTrue(driver.findElement(By.id("callbacks")).getText().contains("13800138011"));
            HeadlessChromium.screenshot(driver, "console-callbacks-paged");
        } finally {
            box.console.callbackList.clear();
        }
    }
}
