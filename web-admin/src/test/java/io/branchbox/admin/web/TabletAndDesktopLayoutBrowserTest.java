package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.console.FakeAgentConsole;
import io.branchbox.admin.users.Role;
import io.branchbox.firmware.console.ConsoleView.CallView;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Where the console and the wallboard are used: the agent's 1366 x 900 screen (the offered call
 * and the wrap-up of the call before it in one view, nothing to scroll to), and a tablet held
 * upright (800 x 1280) and sideways (1280 x 800), where neither page may be cut or scroll sideways.
 * Screenshots go to docs/screenshots/ ({@code console-one-view}, {@code *-tablet-portrait},
 * {@code *-tablet-landscape}).
 */
class TabletAndDesktopLayoutBrowserTest {
    private static final String AGENT = TestBox.userFor(Role.AGENT);
    private static final String LEAD = TestBox.userFor(Role.SHIFT_LEAD);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    private static BrowserKit kit;
    private static TestBox box;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        kit = BrowserKit.start(() -> new TestBox(dataDir, Clock.offset(Clock.systemUTC(),
                Duration.between(Instant.now(), FakeAgentConsole.T0.plusSeconds(95)))), profileDir, "--lang=zh-CN", "--mute-audio");
        box = kit.box();
        driver = kit.driver();
        wait = kit.waiting();
    }

    @AfterAll
    static void stop() {
        BrowserKit.close(kit);
    }

    @Test
    void onTheAgentsScreenTheOfferedCallAndTheWrapUpAreInOneViewWithoutScrolling() {
        Screenshots.desktop(driver);
        kit.logIn(AGENT);
        wait.until(ExpectedConditions.urlToBe(box.baseUrl() + "/console"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("seat-number"))).sendKeys("3");
        driver.findElement(By.id("seat-login-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("agent-seat"), "3"));
        // a call talked and hung up: its wrap-up is open when the next call is offered
        box.console.offer(AGENT, FakeAgentConsole.sampleCall());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("answer"))).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("call-state"), "data-state", "CONNECTED"));
        driver.findElement(By.id("hangup")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wrap-up-panel")));
        box.console.offer(AGENT, new CallView("20260105-083500-0002", "IN", "13900139000", "王先生", "repairs",
                "OFFERED", FakeAgentConsole.T0.plusSeconds(60), List.of()));
        wait.until(ExpectedConditions.textToBe(By.id("call-number"), "13900139000"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-banner")));

        assertEquals(1366L, js("return window.innerWidth"), "the agent's screen");
        for (String id : List.of("offer-banner", "call-panel", "answer", "hangup", "wrap-up-panel", "wrap-up-code",
                "wrap-up-notes", "wrap-up-button")) {
            assertTrue(inView(id), id + " is on the screen without scrolling: " + rect(id));
        }
        assertEquals(0L, js("return Math.round(window.scrollY)"));
        noSidewaysScroll("console at 1366 x 900");
        Screenshots.take(driver, "console-one-view");
    }

    @Test
    void onATabletTheConsoleAndTheWallboardAreNeitherCutNorScrolledSideways() {
        box.status.set(WallboardBrowserTest.status(box.clock, 2, 48, 6, 5, 1));
        box.console.login("zhao", 5).join();
        List<Dimension> tablet = List.of(new Dimension(800, 1280), new Dimension(1280, 800));
        kit.logIn(LEAD);
        wait.until(ExpectedConditions.urlToBe(box.baseUrl() + "/wallboard"));
        for (Dimension size : tablet) {
            driver.manage().window().setSize(size);
            driver.get(box.baseUrl() + "/wallboard");
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("section.queue[data-queue='repairs']"),
                    "data-answered", "5"));
            noSidewaysScroll("wallboard, tablet " + shape(size));
            for (By part : List.of(By.cssSelector("section.queue[data-queue='repairs']"),
                    By.cssSelector("section.queue[data-queue='inquiry']"), By.cssSelector(".figure .value"))) {
                assertTrue(fitsTheWidth(part), part + " is cut on the " + shape(size) + " tablet");
            }
            Screenshots.take(driver, "wallboard-tablet-" + shape(size));
        }

        // the agent in a call on the tablet: seat, call with its buttons, dialling
        box.console.login(AGENT, 3).join();
        box.console.offer(AGENT, new CallView("20260105-084000-0003", "IN", "13700137000", "刘女士", "repairs",
                "OFFERED", FakeAgentConsole.T0.plusSeconds(80), List.of()));
        kit.logIn(AGENT);
        for (Dimension size : tablet) {
            driver.manage().window().setSize(size);
            driver.get(box.baseUrl() + "/console");
            wait.until(ExpectedConditions.textToBe(By.id("call-number"), "13700137000"));
            noSidewaysScroll("console, tablet " + shape(size));
            for (String id : List.of("seat-panel", "call-panel", "answer", "hangup", "transfer-button", "dial-panel")) {
                assertTrue(fitsTheWidth(By.id(id)), id + " is cut on the " + shape(size) + " tablet: " + rect(id));
            }
            Screenshots.take(driver, "console-tablet-" + shape(size));
        }
    }

    private static String shape(Dimension size) {
        return size.getWidth() < size.getHeight() ? "portrait" : "landscape";
    }

    private static void noSidewaysScroll(String where) {
        long scrollWidth = (Long) js("return document.documentElement.scrollWidth");
        long width = (Long) js("return document.documentElement.clientWidth");
        assertTrue(scrollWidth <= width, where + " scrolls sideways: " + scrollWidth + " > " + width);
    }

    private static boolean fitsTheWidth(By by) {
        return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
                + "return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth;",
                driver.findElement(by));
    }

    private static boolean inView(String id) {
        return (Boolean) js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "return r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight"
                + " && r.right <= window.innerWidth;", id);
    }

    private static Object rect(String id) {
        return js("return JSON.stringify(document.getElementById(arguments[0]).getBoundingClientRect())"
                + " + ' in ' + window.innerWidth + 'x' + window.innerHeight;", id);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
