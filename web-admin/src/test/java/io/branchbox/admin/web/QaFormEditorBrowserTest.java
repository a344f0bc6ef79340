package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.Role;
import io.branchbox.firmware.config.ShiftCalendar;
import io.branchbox.firmware.qa.ScoreRequest;
import io.branchbox.firmware.qa.form.FactoryForms;
import io.branchbox.firmware.qa.form.ScoringForm;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The scoring-form editor in a real headless Chromium, as the quality inspector uses it: adds a
 * section and items, sets points and a fatal item and watches the total, makes mistakes and
 * sees each beside its field with nothing saved, saves a new version and sees it in the tables;
 * a call scored afterwards is scored with the new version while an older score keeps its own.
 * Screenshots {@code docs/screenshots/qa-13-form-editor.png}, {@code qa-14-form-editor-errors.png},
 * {@code qa-15-form-versions.png}.
 */
class QaFormEditorBrowserTest {
    private static final String OLD_CALL = "20261207-091000-0001";
    private static final String NEW_CALL = "20261207-092000-0002";
    private static final String AGENT = TestBox.userFor(Role.AGENT);
    private static final String INSPECTOR = TestBox.userFor(Role.QUALITY_INSPECTOR);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    private static QaBrowser kit;
    private static String day;

    @BeforeAll
    static void start() throws Exception {
        kit = QaBrowser.start(dataDir, profileDir);
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        kit.qa().call(OLD_CALL, AGENT, 3, started);
        kit.qa().call(NEW_CALL, AGENT, 3, started.plusSeconds(120));
        day = kit.qa().qa.shifts().shiftOf(started).map(ShiftCalendar.ShiftDay::day).orElseThrow().toString();
        // a call scored before the form changes: with version 1, full marks
        Map<String, Integer> points = new HashMap<>();
        FactoryForms.hotline().items().stream().filter(i -> !i.fatal()).forEach(i -> points.put(i.id(), i.points()));
        kit.qa().qa.score(new ScoreRequest("editor-old-score", OLD_CALL, FactoryForms.HOTLINE, 0, points, Set.of(), List.of(),
                "", false), INSPECTOR);
    }

    @AfterAll
    static void stop() throws Exception {
        QaBrowser.close(kit);
    }

    private static Object js(String script, Object... args) {
        return kit.js(script, args);
    }

    private static WebElement field(String path) {
        return kit.driver().findElement(By.cssSelector("#tab-forms [data-path='" + path + "']"));
    }

    private static void type(String path, String value) {
        WebElement e = field(path);
        js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE); // as a user does: each key an input event
        if (!value.isEmpty()) {
            e.sendKeys(value);
        }
    }

    /** Scrolls the element to the middle of the window (as a user scrolls to it; the save bar sticks at the bottom), then clicks. */
    private static void click(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    private static void click(By by) {
        click(kit.driver().findElement(by));
    }

    private static int total() {
        return Integer.parseInt(kit.driver().findElement(By.id("fe-total")).getAttribute("data-total"));
    }

    private static void totalIs(int points) {
        kit.waiting().until(ExpectedConditions.attributeToBe(By.id("fe-total"), "data-total", Integer.toString(points)));
    }

    private static String errorBeside(String path) {
        return kit.driver().findElement(By.cssSelector("#tab-forms [data-error-for='" + path + "']")).getText();
    }

    private static void scrollTo(String css) {
        js("document.querySelector(arguments[0]).scrollIntoView({block: 'start'}); window.scrollBy(0, -10);", css);
    }

    @Test
    void theInspectorEditsTheFormAsANewVersionAndLaterScoresUseItWhileOldScoresKeepTheirs() {
        kit.openAs(Role.QUALITY_INSPECTOR, "forms");
        // the current version is in the editor: six sections, 100 points
        kit.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("fe-heading"), "基于版本 1"));
        assertEquals(6, kit.driver().findElements(By.cssSelector("#fe-sections .fe-section")).size());
        assertEquals(100, total());
        kit.waiting().until(ExpectedConditions.textToBe(By.cssSelector("#fe-history-pages .paging-info"), "1–1 条，共 1 条"));

        // a new section (it comes with one item of 5 points): the total follows
        click(By.id("fe-add-section"));
        totalIs(105);
        type("sections.6.name", "业务办理");
        type("sections.6.items.0.text", "一次性办结客户诉求");
        type("sections.6.items.0.points", "8");
        totalIs(108);
        // a second item, then marked fatal: it carries no points, the total drops back
        click(By.cssSelector(".fe-section[data-section='6'] .fe-add-item"));
        totalIs(113);
        type("sections.6.items.1.text", "推诿、拒绝受理客户诉求");
        click(field("sections.6.items.1.fatal"));
        totalIs(108);
        assertTrue(!field("sections.6.items.1.points").isEnabled(), "a fatal item's points cannot be set");
        assertTrue(kit.driver().findElement(By.id("fe-counts")).getText().contains("4 个致命项"),
                kit.driver().findElement(By.id("fe-counts")).getText());
        // the threshold for a comment, in the same form
        type("commentBelow", "85");
        scrollTo(".fe-section[data-section='5']");
        Screenshots.take(kit.driver(), "qa-13-form-editor");

        // mistakes: 0 points, an empty item text, a negative threshold: each shown beside its field, nothing saved
        type("sections.6.items.0.points", "0");
        type("sections.0.items.0.text", "");
        type("commentBelow", "-1");
        click(By.id("fe-save"));
        kit.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("fe-summary"), "3 处需要修改"));
        assertEquals("分值须为 1 到 100 的整数", errorBeside("sections.6.items.0.points"));
        assertEquals("请填写评分项内容", errorBeside("sections.0.items.0.text"));
        // the threshold's bound is the total of the items with valid points (the 0-point item is not one)
        assertEquals("须为 0 到 100（总分）之间的整数", errorBeside("commentBelow"));
        assertEquals("true", field("sections.6.items.0.points").getAttribute("aria-invalid"));
        assertEquals(1, kit.qa().qa.book().latestForm(FactoryForms.HOTLINE).orElseThrow().version(), "nothing saved");
        assertEquals(1, kit.qa().qa.book().formVersions(FactoryForms.HOTLINE).size());
        scrollTo(".fe-section[data-section='6']");
        Screenshots.take(kit.driver(), "qa-14-form-editor-errors");

        // corrected and saved: the next version, in the forms table and the history, with who saved it
        type("sections.6.items.0.points", "8");
        assertEquals("", errorBeside("sections.6.items.0.points"), "the error goes once the field is changed");
        type("sections.0.items.0.text", "使用标准开头语并报工号");
        type("commentBelow", "85");
        click(By.id("fe-save"));
        kit.waiting().until(ExpectedConditions.textToBe(By.id("fe-saved"), "已保存为版本 2"));
        kit.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#forms tr[data-form='hotline-95598'][data-version='2']")));
        WebElement newest = kit.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#fe-history tr[data-version='2']")));
        assertTrue(newest.getText().contains(INSPECTOR) && newest.getText().contains("108 分"), newest.getText());
        assertEquals(2, kit.driver().findElements(By.cssSelector("#fe-history tr")).size());
        ScoringForm v2 = kit.qa().qa.book().latestForm(FactoryForms.HOTLINE).orElseThrow();
        assertEquals(2, v2.version());
        assertEquals(108, v2.maxPoints());
        assertEquals(85, v2.commentBelow());
        ScoringForm.Section added = v2.sections().get(6);
        assertEquals("业务办理", added.nameZh());
        assertEquals(List.of(8, 0), added.items().stream().map(ScoringForm.Item::points).toList());
        assertTrue(added.items().get(1).fatal());
        js("window.scrollTo(0, document.body.scrollHeight)"); // the new section, the saved version, the history
        Screenshots.take(kit.driver(), "qa-15-form-versions");

        // a call scored now is scored with version 2 (its new items on the form); the old score keeps version 1
        kit.driver().get(kit.qa().box.baseUrl() + "/qa#calls");
        kit.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("calls-from")));
        js("for (const id of ['calls-from', 'calls-to']) { document.getElementById(id).value = arguments[0]; }", day);
        kit.driver().findElement(By.cssSelector("#calls-form button[type=submit]")).click();
        By row = By.cssSelector("#calls tr[data-call-id='" + NEW_CALL + "'] button");
        // the list may be drawn twice (the tab's default day, then the submitted one): click again if redrawn under us
        new WebDriverWait(kit.driver(), BrowserKit.WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(row).click();
            return true;
        });
        kit.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-version"), "评分表版本 2"));
        String newItem = added.items().get(0).id();
        assertEquals("8", kit.driver().findElement(By.cssSelector("#form-items input[data-item='" + newItem + "']"))
                .getAttribute("value"));
        kit.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-total"), "108"));
        kit.driver().findElement(By.id("form-submit")).click();
        kit.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-result"), "108"));
        assertEquals(2, kit.qa().qa.book().result(NEW_CALL).orElseThrow().current().formVersion());
        assertEquals(108, kit.qa().qa.book().result(NEW_CALL).orElseThrow().current().total());
        assertEquals(1, kit.qa().qa.book().result(OLD_CALL).orElseThrow().current().formVersion(), "the old score keeps its version");
        assertEquals(100, kit.qa().qa.book().result(OLD_CALL).orElseThrow().current().total());
    }

    @Test
    void anAgentHasNoFormEditor() {
        kit.openAs(Role.AGENT, "forms");
        kit.waiting().until(ExpectedConditions.attributeContains(By.cssSelector("#tabs button[data-tab='forms']"), "class", "hidden"));
        assertTrue(!kit.driver().findElement(By.id("tab-forms")).isDisplayed(), "the editor is not shown to an agent");
    }
}
