package io.branchbox.admin.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Saves what the browser shows into {@code docs/screenshots/} of the repository, for docs/WEB-ADMIN.md. */
public final class Screenshots {
    /** The module runs its tests in {@code web-admin/}; the docs are one level up. */
    static final Path DIRECTORY = Path.of("..", "docs", "screenshots");

    private Screenshots() {}

    /** The agent's and the technician's screen: 1366 x 900. */
    public static void desktop(WebDriver driver) {
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    /** A tablet held sideways: 1024 x 768. */
    static void tablet(WebDriver driver) {
        driver.manage().window().setSize(new Dimension(1024, 768));
    }

    public static void take(WebDriver driver, String name) {
        try {
            Files.createDirectories(DIRECTORY);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(DIRECTORY.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name, e);
        }
    }
}
