package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.status.StatusView;
import io.branchbox.admin.users.Role;
import java.nio.file.Path;
import io.branchbox.admin.console.FakeAgentConsole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * The shift lead's wallboard in a real Chromium, fed by the push stream: a call queues and is
 * answered, and the page shows each change within a second of the box's snapshot changing.
 * The time is measured in the browser (a MutationObserver stamps the change) against the moment
 * the test changed the box's status, both read from the same machine's clock.
 *
 * <p>The box's clock is not the browser's: it stands at {@link #BOX_NOW}, 95 s after the fake
 * console's agents changed state ({@link FakeAgentConsole#T0}, early January), while the browser's
 * clock says December. Time in state must be counted on the box's clock (the push stream's
 * {@code clock} event), so the tile says 1 min 35 s, not thousands of hours.
 */
class WallboardBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant BOX_NOW = FakeAgentConsole.T0.plusSeconds(95);

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
        box = new TestBox(dataDir, Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), BOX_NOW)));
        driver = HeadlessChromium.start(profileDir);
        wait = new WebDriverWait(driver, WAIT);
        Screenshots.desktop(driver);
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
    void aQueuedCallAndItsAnswerReachTheWallboardWithinASecond() {
        box.status.set(status(0, 0, 3, 2, 0));
        box.console.login("zhao", 5).join();
        box.console.notReady("zhao", "training").join();
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), TestBox.userFor(Role.SHIFT_LEAD));
        wait.until(ExpectedConditions.urlToBe(box.baseUrl() + "/wallboard"));
        By repairs = By.cssSelector("section.queue[data-queue='repairs']");
        wait.until(ExpectedConditions.attributeToBe(repairs, "data-answered", "2"));
        assertEquals("正在排队", driver.findElement(By.cssSelector("section.queue .figure .label")).getText());

        long queuedMs = changeAndMeasure(status(1, 15, 4, 2, 0), "data-waiting", "1");
        long answeredMs = changeAndMeasure(status(0, 0, 4, 3, 0), "data-answered", "3");

        assertTrue(queuedMs < 1000, "queued call shown after " + queuedMs + " ms");
        assertTrue(answeredMs < 1000, "answer shown after " + answeredMs + " ms");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents"), "示忙 · 培训"));
        // counted on the box's clock: 95 s plus the few seconds this test has taken so far
        String inState = driver.findElement(By.cssSelector(".tile[data-agent='zhao'] .time")).getText();
        assertTrue(inState.matches("[1-3]分\\d{1,2}秒"), "time in state on the box's clock, not the browser's: " + inState);
        Screenshots.take(driver, "wallboard");
    }

    /** Sets the box's status and returns how long the wallboard took to show it, in ms. */
    private long changeAndMeasure(StatusView next, String attribute, String value) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("""
                window.changedAt = 0;
                const q = document.querySelector("section.queue[data-queue='repairs']");
                const attribute = arguments[0], value = arguments[1];
                new MutationObserver(function (records, observer) {
                  if (q.getAttribute(attribute) === value && window.changedAt === 0) {
                    window.changedAt = Date.now();
                    observer.disconnect();
                  }
                }).observe(q, { attributes: true });
                """, attribute, value);
        long setAt = System.currentTimeMillis();
        box.status.set(next);
        wait.until(d -> ((Number) js.executeScript("return window.changedAt")).longValue() > 0);
        return ((Number) js.executeScript("return window.changedAt")).longValue() - setAt;
    }

    private static StatusView status(int waiting, long longest, int offered, int answered, int abandoned) {
        return status(box.clock, waiting, longest, offered, answered, abandoned);
    }

    /**
     * A wallboard's status at {@code clock}'s now: the queue "repairs" with these figures, "inquiry"
     * fixed, three agents ready, in a call and 示忙 (also the tablet layout test's wallboard).
     */
    static StatusView status(Clock clock, int waiting, long longest, int offered, int answered, int abandoned) {
        long now = clock.millis();
        return new StatusView(
                new StatusView.Board("ONLINE", null, "CB1-0042", "2.1.0", Map.of()),
                List.of(new StatusView.Span(0, true, List.of(), true, waiting, 30 - waiting, 0)),
                List.of(),
                List.of(new StatusView.Queue("repairs", waiting, longest, offered, answered, abandoned,
                                answered == 0 ? 100 : 100.0 * answered / offered),
                        new StatusView.Queue("inquiry", 0, 0, 7, 6, 1, 71.4)),
                List.of(new StatusView.Agent("a1", "李娜", "1", "READY", now - 65_000),
                        new StatusView.Agent("a2", "王芳", "2", "ON_CALL", now - 190_000),
                        new StatusView.Agent("a3", "赵磊", "3", "NOT_READY", now - 420_000)),
                new StatusView.Recording(true, 100, 52_428_800_000L),
                new StatusView.Uplink("CONNECTED", 0),
                3_600L, Map.of("firmware", "0.1.0"), now);
    }
}
