package io.branchbox.admin.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser test's world: a {@link TestBox}, Debian's Chromium on it and the wait every step
 * uses. Started in {@code @BeforeAll} (the box is made only once Chromium is known to be there,
 * so {@code BOX_SKIP_BROWSER=1} skips before anything starts), closed in {@code @AfterAll}: the
 * browser first, then the box.
 *
 * @param waiting at most {@link #WAIT}, a safety net: steps wait for what they expect, never sleep
 */
record BrowserKit(TestBox box, WebDriver driver, WebDriverWait waiting) implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Chromium with its own profile in {@code profileDir} (and {@code extraArguments}) on the box {@code box} makes. */
    static BrowserKit start(Supplier<TestBox> box, Path profileDir, String... extraArguments) {
        HeadlessChromium.requireInstalled();
        TestBox b = box.get();
        WebDriver d = HeadlessChromium.start(profileDir, extraArguments);
        return new BrowserKit(b, d, new WebDriverWait(d, WAIT));
    }

    /** Closes a kit that may not have started (a skipped or failed {@code @BeforeAll}). */
    static void close(BrowserKit kit) {
        if (kit != null) {
            kit.close();
        }
    }

    /** Logs in as {@code username} with the test password ({@link HeadlessChromium#logIn}). */
    void logIn(String username) {
        HeadlessChromium.logIn(driver, waiting, box.baseUrl(), username);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            box.close();
        }
    }
}
