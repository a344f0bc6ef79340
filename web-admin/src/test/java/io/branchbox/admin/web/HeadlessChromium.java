package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The real browser of the browser tests: Debian's Chromium, headless, driven by its chromedriver.
 * A missing browser fails the test with what to install, unless {@code BOX_SKIP_BROWSER=1} asks
 * to skip it on purpose (never under CI).
 */
final class HeadlessChromium {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {}

    /** Skips on {@code BOX_SKIP_BROWSER=1}; fails when Chromium or its driver is not installed. */
    static void requireInstalled() {
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
    static WebDriver start(Path profileDir, String... extraArguments) {
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
}
