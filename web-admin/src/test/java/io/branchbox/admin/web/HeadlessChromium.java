package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real browser of the browser tests: Debian's Chromium, headless, driven by its chromedriver.
 * A missing browser fails the test with what to install, unless {@code BOX_SKIP_BROWSER=1} asks
 * to skip it on purpose (never under CI). Public: test-rig's browser tests use it too (web-admin test-jar).
 */
public final class HeadlessChromium {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {}

    /** Skips on {@code BOX_SKIP_BROWSER=1}; fails when Chromium or its driver is not installed. */
    public static void requireInstalled() {
        Assumptions.assumeFalse("1".equals(System.getenv("BOX_SKIP_BROWSER")),
                "BOX_SKIP_BROWSER=1: browser test skipped on purpose");
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(binary))) {
                fail(binary + " is missing: install Debian packages chromium and chromium-driver,"
                        + " or set BOX_SKIP_BROWSER=1 to skip the browser test deliberately");
            }
        }
    }

    /** A headless browser with its own profile in {@code profileDir} and any {@code extraArguments}. */
    public static WebDriver start(Path profileDir, String... extraArguments) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profileDir));
        arguments.addAll(List.of(extraArguments));
        options.addArguments(arguments);
        return new ChromeDriver(service, options);
    }

    /**
     * The one login of the browser tests: signs whoever was signed in out (drops the session
     * cookie), logs in as {@code username} on the login page and waits until the browser has left
     * it (for the role's landing page, or the password change a new user must make first). The
     * caller asserts where it landed when that matters.
     */
    public static void logIn(WebDriver driver, WebDriverWait wait, String base, String username, String password) {
        driver.get(base + "/login");
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        // the page stays hidden (body.loading) until its texts are loaded: wait until it shows
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(base + "/login")));
    }

    /** {@link #logIn(WebDriver, WebDriverWait, String, String, String)} with the test users' password. */
    public static void logIn(WebDriver driver, WebDriverWait wait, String base, String username) {
        logIn(driver, wait, base, username, TestBox.PASSWORD);
    }

    /** Logs out by the menu's button and waits for the login page. */
    public static void logOut(WebDriver driver, WebDriverWait wait, String base) {
        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/login"));
    }

    /** Saves what the browser shows as {@code docs/screenshots/<name>.png} (tests run in their module's folder). */
    public static void screenshot(WebDriver driver, String name) throws java.io.IOException {
        Path dir = Path.of("..", "docs", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        Path png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
        java.nio.file.Files.copy(png, dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
