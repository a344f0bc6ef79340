package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.Role;
import io.branchbox.firmware.config.ShiftCalendar;
import io.branchbox.firmware.qa.QaResult;
import io.branchbox.firmware.qa.SignOff;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-off in a real headless Chromium: an inspector draws the plan, scores a call while
 * listening (marks at times, the form beside the waveform), the agent disputes, the shift lead
 * confirms; the bulletin and the monthly report show it, and their PDF renders its Chinese
 * (pdftoppm). Screenshots go to {@code docs/screenshots/qa-*.png}. Same browser rules as
 * {@link StatusPageBrowserTest}.
 */
class QaPageBrowserTest {
    private static final Path SHOTS = Path.of("..", "docs", "screenshots");
    private static final String CALL = "20261207-093000-0001";
    private static final String AGENT = TestBox.userFor(Role.AGENT);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    private static QaBrowser kit;
    private static QaTestBox box;
    private static WebDriver driver;
    private static WebDriverWait wait;
    private static String day;

    @BeforeAll
    static void start() throws Exception {
        kit = QaBrowser.start(dataDir, profileDir, "--autoplay-policy=no-user-gesture-required", "--mute-audio");
        box = kit.qa();
        driver = kit.driver();
        wait = kit.waiting();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        box.call(CALL, AGENT, 6, started);
        day = box.qa.shifts().shiftOf(started).map(ShiftCalendar.ShiftDay::day).orElseThrow().toString();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        QaBrowser.close(kit);
    }

    private static void loginAs(Role role, String tab) {
        kit.openAs(role, tab);
    }

    private static Object js(String script, Object... args) {
        return kit.js(script, args);
    }

    private static void shot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name), png);
    }

    private static void setValue(String id, String value) {
        js("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true}));", id, value);
    }

    @Test
    void anInspectorScoresWhileListeningTheAgentDisputesTheShiftLeadConfirmsAndTheReportsShowIt() throws Exception {
        // the inspector draws the month's plan and opens the drawn call
        loginAs(Role.QUALITY_INSPECTOR, "plan");
        wait.until(ExpectedConditions.textMatches(By.id("plan-completion"), java.util.regex.Pattern.compile("%")));
        setValue("plan-month", day.substring(0, 7));
        driver.findElement(By.cssSelector("#draw-form button[type=submit]")).click();
        By sampleRow = By.cssSelector("#plan-samples tr[data-call-id='" + CALL + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(sampleRow));
        // the samples come one page at a time through the one pager (pager.js): "1–1 of 1", no next page
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#plan-pages .paging-info"), "1–1 条，共 1 条"));
        assertFalse(driver.findElement(By.cssSelector("#plan-pages button:last-child")).isEnabled());
        shot("qa-1-plan.png");
        driver.findElement(sampleRow).findElement(By.tagName("button")).click();

        // listening: the recording plays, a mark is set at the current time
        wait.until(d -> ((Number) js("return document.getElementById('audio').readyState")).intValue() >= 1);
        assertEquals(6.0, ((Number) js("return document.getElementById('audio').duration")).doubleValue(), 0.05);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("speed"))).selectByValue("1.5");
        driver.findElement(By.id("play")).click();
        try {
            wait.until(d -> ((Number) js("return document.getElementById('audio').currentTime")).doubleValue() > 1.0);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not playing: " + js("const a = document.getElementById('audio');"
                    + "return [a.paused, a.currentTime, a.readyState, a.networkState, a.error && a.error.message, a.src,"
                    + " document.getElementById('message').textContent].join(' | ')"), e);
        }
        driver.findElement(By.id("mark-text")).sendKeys("<script>window.pwned=1</script>未核实户号就答复");
        driver.findElement(By.id("mark-add")).click();
        driver.findElement(By.id("play")).click();
        WebElement mark = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#marks li")));
        assertTrue(mark.getText().contains("<script>window.pwned=1</script>"), "shown as text: " + mark.getText());
        assertNull(js("return window.pwned"), "the comment's script never ran");
        assertEquals(1.5, ((Number) js("return document.getElementById('audio').playbackRate")).doubleValue());

        // the form beside the player: two items lose their points; the total is under 80, so a comment
        setValue("form-comment", "");
        js("document.querySelector(\"input[data-item='greeting.identify']\").value = 0;"
                + "const p = document.querySelector(\"input[data-item='accuracy.policy']\"); p.value = 0;"
                + "p.dispatchEvent(new Event('input', {bubbles: true}));");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-total"), "75"));
        driver.findElement(By.id("form-comment")).sendKeys("未核实客户身份；电价政策答复错误");
        driver.findElement(By.id("form-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-result"), "75"));
        js("window.scrollTo(0, 0)");
        shot("qa-2-scoring-while-listening.png");
        QaResult scored = box.qa.book().result(CALL).orElseThrow();
        assertEquals(75, scored.current().total());
        assertEquals(1, scored.current().marks().size());
        assertTrue(scored.current().marks().get(0).atMs() > 1000, "the mark is at the time it was set");

        // the agent sees the result and disputes it
        loginAs(Role.AGENT, "mine");
        By card = By.cssSelector("#mine .qa-card[data-call-id='" + CALL + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(card));
        driver.findElement(card).findElement(By.cssSelector("textarea.qa-comment")).sendKeys("我核实了户号，录音 0:02 处可听到");
        driver.findElement(card).findElement(By.xpath(".//button[text()='申诉']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "坐席申诉中"));
        shot("qa-3-agent-disputes.png");
        HttpResponse<String> foreign = box.box.client().get("/api/qa/agents/agent2/results");
        assertEquals(401, foreign.statusCode());

        // the shift lead reviews the dispute and keeps the score
        loginAs(Role.SHIFT_LEAD, "disputes");
        By dispute = By.cssSelector("#disputes .qa-card[data-call-id='" + CALL + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(dispute));
        driver.findElement(dispute).findElement(By.cssSelector("textarea.qa-comment")).sendKeys("复听录音，未听到核实户号，维持原评分");
        shot("qa-4-shift-lead-reviews.png");
        driver.findElement(dispute).findElement(By.xpath(".//button[text()='维持原评分']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("disputes"), "暂无待复核的申诉"));
        QaResult done = box.qa.book().result(CALL).orElseThrow();
        assertEquals(SignOff.CONFIRMED, done.state());
        assertEquals(List.of(QualityUsers.INSPECTOR, AGENT, QualityUsers.LEAD),
                done.steps().stream().map(QaResult.Step::by).toList());

        // the bulletin and the monthly report show it
        loginAs(Role.QUALITY_INSPECTOR, "bulletin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bulletin .qa-card")));
        setValue("bulletin-day", day);
        driver.findElement(By.cssSelector("#bulletin-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulletin"), CALL));
        assertTrue(driver.findElement(By.id("bulletin")).getText().contains("电价政策答复错误"));
        shot("qa-5-bulletin.png");
        driver.findElement(By.cssSelector("#tabs button[data-tab='report']")).click();
        setValue("report-month", day.substring(0, 7));
        driver.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        By agentRow = By.cssSelector("#report tr[data-agent='" + AGENT + "']");
        // the table may be drawn twice (the tab's default month, then the submitted one): read the row
        // once it shows the agent's score, and read it again if it was redrawn under us
        String rowText = new WebDriverWait(driver, BrowserKit.WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    String t = d.findElement(agentRow).getText();
                    return t.contains("75") ? t : null;
                });
        assertTrue(rowText.contains("75") && rowText.contains("开头语与身份确认") || rowText.contains("核实客户身份与户号"), rowText);
        shot("qa-6-monthly-report.png");

        renderPdf("/api/qa/report.pdf?month=" + day.substring(0, 7), "qa-7-monthly-report-pdf");
        renderPdf("/api/qa/bulletin.pdf?day=" + day, "qa-8-bulletin-pdf");
    }

    @Test
    void theCallListsOneClickFiltersShowTheCallsWorthListeningTo() {
        loginAs(Role.QUALITY_INSPECTOR, "calls");
        setValue("calls-from", day);
        setValue("calls-to", day);
        driver.findElement(By.cssSelector("#calls-form button[type=submit]")).click();
        By row = By.cssSelector("#calls tr[data-call-id='" + CALL + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        // the call's record lasts 90 s (not under qa.shortCallS 20 s) and was never held
        // each preset reloads the list from the box, which filters (admin.qa.CallPreset)
        preset("short");
        assertEquals(0, driver.findElements(row).size(), "very short calls: not this one");
        preset("hold");
        assertEquals(0, driver.findElements(row).size(), "long holds: not this one");
        preset("all");
        assertEquals(1, driver.findElements(row).size());
    }

    @Test
    void theLiveCallsAndTheFormsArePagedLikeEveryList() throws Exception {
        // an agent talking now (the fake call control): the live list shows it on a page of its own
        box.box.console.offer("zhao", io.branchbox.admin.console.FakeAgentConsole.sampleCall());
        loginAs(Role.QUALITY_INSPECTOR, "live");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#live-calls tr[data-agent='zhao']")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#live-pages .paging-info"), "1–1 条，共 1 条"));
        shot("qa-11-live-paged.png");

        // the forms: listed and paged; the first one is in the editor (QaFormEditorBrowserTest edits it)
        driver.findElement(By.cssSelector("#tabs button[data-tab='forms']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#forms tr[data-form='hotline-95598']")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#forms-pages .paging-info"), "1–1 条，共 1 条"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fe-heading"), "95598 热线服务质检表"));
        assertEquals("100", driver.findElement(By.id("fe-total")).getAttribute("data-total"));
        assertFalse(driver.findElement(By.cssSelector("#forms-pages button:first-child")).isEnabled(), "no previous page");
        shot("qa-12-forms.png");
    }

    /**
     * A month without agent-answered calls has nothing planned: the plan and the monthly report
     * say 无数据 (issue 16's rule), never 100 %; a day without scored calls has no average.
     */
    @Test
    void aMonthWithoutAnsweredCallsShowsNoDataNot100Percent() {
        loginAs(Role.QUALITY_INSPECTOR, "plan");
        wait.until(ExpectedConditions.attributeToBe(By.id("plan-pages"), "data-loaded", "true")); // this month's, first
        setValue("plan-month", "2020-02");
        driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("plan-completion"), "无数据"));

        driver.findElement(By.cssSelector("#tabs button[data-tab='report']")).click();
        wait.until(ExpectedConditions.textMatches(By.id("report-completion"), java.util.regex.Pattern.compile(".+")));
        setValue("report-month", "2020-02");
        driver.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-completion"), "质检完成率 无数据"));
        String completion = driver.findElement(By.id("report-completion")).getText();
        assertTrue(completion.startsWith("质检完成率 无数据 · ") && !completion.contains("100"), completion);

        driver.findElement(By.cssSelector("#tabs button[data-tab='bulletin']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bulletin .qa-card")));
        setValue("bulletin-day", "2020-02-10");
        driver.findElement(By.cssSelector("#bulletin-form button[type=submit]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("bulletin"), "data-day", "2020-02-10"));
        assertTrue(driver.findElement(By.id("bulletin")).getText().contains("质检 0 通，平均 无数据"),
                driver.findElement(By.id("bulletin")).getText());
    }

    /** In the English interface the form beside the player shows the form's English names. */
    @Test
    void theFormBesideThePlayerSpeaksTheInspectorsLanguage() {
        loginAs(Role.QUALITY_INSPECTOR, "plan");
        wait.until(ExpectedConditions.attributeToBe(By.id("plan-pages"), "data-loaded", "true"));
        switchLanguage("en"); // the user's language, kept on the server: switched back at the end
        try {
            wait.until(ExpectedConditions.attributeToBe(By.id("plan-pages"), "data-loaded", "true"));
            setValue("plan-month", day.substring(0, 7));
            driver.findElement(By.cssSelector("#draw-form button[type=submit]")).click();
            By sampleRow = By.cssSelector("#plan-samples tr[data-call-id='" + CALL + "']");
            wait.until(ExpectedConditions.presenceOfElementLocated(sampleRow)).findElement(By.tagName("button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-items"),
                    "Standard greeting with staff number (10)"));
            String form = driver.findElement(By.id("form-items")).getText();
            assertFalse(form.contains("使用标准开头语"), "no Chinese item name in the English interface: " + form);
        } finally {
            switchLanguage("zh-CN");
        }
    }

    /** Switches the signed-in user's language as the menu's switch does (the page reloads) and waits for the new page. */
    private static void switchLanguage(String language) {
        js("window.bbxBeforeSwitch = true; bbx.setLanguage(arguments[0]);", language);
        wait.until(d -> Boolean.TRUE.equals(js("return !window.bbxBeforeSwitch && !!window.bbxI18n"
                + " && window.bbxI18n.language() === arguments[0] && document.readyState === 'complete'", language)));
    }

    /** Clicks a preset and waits until the list shows that preset's calls. */
    private static void preset(String name) {
        driver.findElement(By.cssSelector(".qa-presets button[data-preset='" + name + "']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("calls"), "data-preset", name));
    }

    /** Downloads a PDF as the inspector and renders its first page to PNG with poppler's pdftoppm. */
    private static void renderPdf(String path, String name) throws Exception {
        WebClient c = box.box.client();
        c.login(TestBox.userFor(Role.QUALITY_INSPECTOR), TestBox.PASSWORD);
        HttpResponse<byte[]> pdf = c.getBytes(path);
        assertEquals(200, pdf.statusCode());
        Path file = dataDir.resolve(name + ".pdf");
        Files.write(file, pdf.body());
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-singlefile", file.toString(),
                SHOTS.resolve(name).toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
        assertTrue(Files.size(SHOTS.resolve(name + ".png")) > 5_000);
    }

    /** The user names of the roles that sign off. */
    private static final class QualityUsers {
        static final String INSPECTOR = TestBox.userFor(Role.QUALITY_INSPECTOR);
        static final String LEAD = TestBox.userFor(Role.SHIFT_LEAD);
    }
}
