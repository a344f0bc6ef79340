package io.branchbox.admin.web;

import io.branchbox.admin.users.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One QA browser test's world ({@link QaPageBrowserTest}, {@link QaFormEditorBrowserTest}): a
 * {@link QaTestBox}, Debian's Chromium on it (1400 x 1000, Chinese) and the wait every step uses
 * ({@link BrowserKit#WAIT}, a safety net). Started in {@code @BeforeAll}, closed in
 * {@code @AfterAll}: the browser first, then the box.
 */
record QaBrowser(QaTestBox qa, WebDriver driver, WebDriverWait waiting) implements AutoCloseable {

    /** The box in {@code dataDir} and Chromium with its profile in {@code profileDir} (and {@code extraArguments}). */
    static QaBrowser start(Path dataDir, Path profileDir, String... extraArguments) throws IOException {
        HeadlessChromium.requireInstalled();
        QaTestBox box = new QaTestBox(dataDir);
        List<String> arguments = new ArrayList<>(List.of("--window-size=1400,1000", "--lang=zh-CN"));
        arguments.addAll(List.of(extraArguments));
        try {
            WebDriver d = HeadlessChromium.start(profileDir, arguments.toArray(String[]::new));
            return new QaBrowser(box, d, new WebDriverWait(d, BrowserKit.WAIT));
        } catch (RuntimeException e) {
            box.close();
            throw e;
        }
    }

    /** Closes a world that may not have started (a skipped or failed {@code @BeforeAll}). */
    static void close(QaBrowser b) throws IOException {
        if (b != null) {
            b.close();
        }
    }

    /** Logs in as the test user of {@code role} and opens the {@code /qa} page on {@code tab}. */
    void openAs(Role role, String tab) {
        HeadlessChromium.logIn(driver, waiting, qa.box.baseUrl(), TestBox.userFor(role));
        driver.get(qa.box.baseUrl() + "/qa#" + tab);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            qa.close();
        }
    }
}
