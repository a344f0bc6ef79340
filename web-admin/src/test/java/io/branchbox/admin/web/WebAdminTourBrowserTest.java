package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.console.FakeAgentConsole;
import io.branchbox.admin.status.FakeStatusSource;
import io.branchbox.admin.users.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
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
 * A tour of every page the framework owns, in Chromium at 1366 x 900 (and a tablet), in Chinese
 * and in English, as each role sees it; the screenshots go to docs/screenshots/ for
 * docs/WEB-ADMIN.md. Each stop asserts what the person would check on the page.
 */
class WebAdminTourBrowserTest {
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
        // the box's clock stands 95 s after the fake console's agents changed state (5 January);
        // the browser's says otherwise, and the pages must count on the box's
        box = new TestBox(dataDir, java.time.Clock.offset(java.time.Clock.systemUTC(),
                Duration.between(Instant.now(), FakeAgentConsole.T0.plusSeconds(95))));
        byte[] samples = new byte[16_000];
        TestRecordings.add(box, "20260105-083000-0001", "agent-user", "repairs", "2026/01/05/c1.wav",
                TestRecordings.wav(samples), box.clock.instant().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600));
        box.users.linkAgent(TestBox.userFor(Role.SHIFT_LEAD), Optional.of("supervisor-user"));
        driver = HeadlessChromium.start(profileDir, "--mute-audio", "--lang=zh-CN");
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
    void everyPageInChineseAndEnglishAsEachRoleSeesIt() {
        // login, Chinese by default, then English by the switch
        driver.get(box.baseUrl() + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertEquals("登录", driver.findElement(By.id("submit")).getText());
        Screenshots.take(driver, "login");
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.id("submit"), "Log in"));
        Screenshots.take(driver, "login-en");
        new Select(driver.findElement(By.id("language"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("submit"), "登录"));

        // technician: status, users, prompts, two-step login, 403 and 404
        logIn(Role.TECHNICIAN, "/");
        wait.until(ExpectedConditions.textToBe(By.id("board-serial"), FakeStatusSource.SERIAL));
        String menu = driver.findElement(By.id("nav-pages")).getText();
        assertTrue(menu.contains("运行状态") && menu.contains("用户") && menu.contains("语音提示") && menu.contains("诊断"), menu);
        assertTrue(!menu.contains("录音"), "a technician does not hear recordings: " + menu);
        Screenshots.take(driver, "status");
        open("/users", By.cssSelector("#users tr[data-user='agent-user']"));
        Screenshots.take(driver, "users");
        open("/prompts", By.cssSelector("#prompts tr"));
        Screenshots.take(driver, "prompts");
        open("/password", By.id("totp-secret"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("totp")));
        Screenshots.take(driver, "password-totp");
        driver.get(box.baseUrl() + "/console");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "没有权限"));
        Screenshots.take(driver, "forbidden");
        driver.get(box.baseUrl() + "/no-such-page");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "页面不存在"));
        Screenshots.take(driver, "not-found");

        // agent: the console with an offered call, then the call and its wrap-up side by side
        logIn(Role.AGENT, "/console");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("seat-number"))).sendKeys("3");
        driver.findElement(By.id("seat-login-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("agent-seat"), "3"));
        box.console.offer("agent-user", FakeAgentConsole.sampleCall());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-banner")));
        assertTrue(driver.findElement(By.id("offer-banner")).getText().contains("13800138000"));
        Screenshots.take(driver, "console-offered");
        driver.findElement(By.id("answer")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("call-state"), "data-state", "CONNECTED"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offer-banner")));
        String inCall = driver.findElement(By.id("call-since")).getText();
        assertTrue(inCall.matches("\\d+分\\d+秒|\\d+秒"), "the call's time on the box's clock: " + inCall);
        Screenshots.take(driver, "console-call");
        Screenshots.tablet(driver);
        Screenshots.take(driver, "console-tablet");
        Screenshots.desktop(driver);
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.id("answer"), "Answer"));
        Screenshots.take(driver, "console-en");
        new Select(driver.findElement(By.id("language"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("answer"), "接听"));

        // shift lead: the agents in place, monitoring shows its mode
        logIn(Role.SHIFT_LEAD, "/wallboard");
        driver.get(box.baseUrl() + "/console");
        By listen = By.cssSelector("#agents tr[data-agent='agent-user'] button[data-mode='WHISPER']");
        wait.until(ExpectedConditions.elementToBeClickable(listen)).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-ok"))).click();
        wait.until(ExpectedConditions.attributeToBe(listen, "aria-pressed", "true"));
        assertTrue(driver.findElement(By.id("monitor-banner")).getText().contains("耳语"));
        Screenshots.take(driver, "console-supervisor");

        // quality inspector: recordings in the site's time, with paging
        logIn(Role.QUALITY_INSPECTOR, null);
        open("/recordings", By.cssSelector("#recordings tr"));
        assertTrue(driver.findElement(By.id("pages")).getText().contains("共 1 条"));
        Screenshots.take(driver, "recordings");
    }

    private static void open(String path, By ready) {
        driver.get(box.baseUrl() + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(ready));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
    }

    private static void logIn(Role role, String landing) {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), TestBox.userFor(role));
        if (landing != null) {
            wait.until(ExpectedConditions.urlToBe(box.baseUrl() + landing));
        }
    }
}
