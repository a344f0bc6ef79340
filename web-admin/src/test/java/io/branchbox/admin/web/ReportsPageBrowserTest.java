package io.branchbox.admin.web;

import static io.branchbox.firmware.journal.CallEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.reports.ReportsBackend;
import io.branchbox.admin.users.Role;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.kpi.CallLine;
import io.branchbox.firmware.kpi.Counts;
import io.branchbox.firmware.kpi.Group;
import io.branchbox.firmware.kpi.KpiLedger;
import io.branchbox.firmware.kpi.KpiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium on the reports page: a supervisor sees today's KPIs against their
 * targets (Chinese by default), switches to yesterday, drills down from a figure to the calls behind
 * it and from a call to its recording. Screenshots go to docs/screenshots/. Same browser rules as
 * {@link StatusPageBrowserTest}.
 */
class ReportsPageBrowserTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    static TestBox box;
    static WebDriver driver;
    static WebDriverWait wait;
    static final KpiSettings SETTINGS = KpiSettings.of(ConfigDocuments.defaults());
    static LocalDate today;
    static final java.time.format.DateTimeFormatter LOCAL = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireInstalled();
        box = new TestBox(dataDir);
        Clock clock = Clock.system(SETTINGS.zone());
        today = LocalDate.now(clock);
        KpiLedger ledger = new KpiLedger(SETTINGS, 40);
        AtomicLong seq = new AtomicLong();
        // yesterday: 4 calls, all answered fast; today: 3 answered (one slowly), 1 abandoned
        ZonedDateTime y = today.minusDays(1).atTime(9, 0).atZone(SETTINGS.zone());
        ZonedDateTime t = today.atStartOfDay(SETTINGS.zone()).plusMinutes(5);
        for (int i = 0; i < 4; i++) {
            call(ledger, seq, y.plusMinutes(10 * i).toInstant(), "y" + i, "agent" + (1 + i % 2), 2, "1");
        }
        call(ledger, seq, t.toInstant(), "c1", "agent1", 3, "1");
        call(ledger, seq, t.plusMinutes(5).toInstant(), "c2", "agent2", 40, "3");
        call(ledger, seq, t.plusMinutes(9).toInstant(), "c3", "agent1", 5, null);
        Instant a = t.plusMinutes(20).toInstant();
        ledger.accept(new JournalEvent(seq.incrementAndGet(), a, CALL_STARTED, "c4", null, null,
                Map.of(DIRECTION, "IN", CALLING, caller("c4"))));
        ledger.accept(new JournalEvent(seq.incrementAndGet(), a.plusSeconds(5), CALL_QUEUED, "c4", null, "inquiry", Map.of()));
        ledger.accept(new JournalEvent(seq.incrementAndGet(), a.plusSeconds(60), CALL_ENDED, "c4", null, "inquiry",
                Map.of(DISPOSITION, "ABANDONED")));
        box.server.attachReports(new ReportsBackend() {
            @Override
            public KpiSettings settings() {
                return SETTINGS;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public boolean ready() {
                return true;
            }

            @Override
            public TreeMap<LocalDate, Map<Group, Counts>> days(LocalDate from, LocalDate to) {
                return ledger.days(from, to, Instant.now());
            }

            @Override
            public List<CallLine> calls(LocalDate from, LocalDate to) {
                return ledger.calls(from, to);
            }
        });
        byte[] samples = new byte[16_000];
        TestRecordings.add(box, "c2", "agent2", "repair", "c2.wav", TestRecordings.wav(samples), t.plusMinutes(5).toInstant());
        driver = HeadlessChromium.start(profileDir, "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                "--lang=en-US"); // the browser's language is not the page's: the user's is (zh-CN by default)
        driver.manage().window().setSize(new Dimension(1280, 1500));
        wait = new WebDriverWait(driver, java.time.Duration.ofSeconds(30));
    }

    static void call(KpiLedger l, AtomicLong seq, Instant t, String id, String agent, int waitS, String rating) {
        l.accept(new JournalEvent(seq.incrementAndGet(), t, CALL_STARTED, id, null, null,
                Map.of(DIRECTION, "IN", CALLING, caller(id))));
        l.accept(new JournalEvent(seq.incrementAndGet(), t.plusSeconds(5), CALL_QUEUED, id, null, "repair", Map.of()));
        l.accept(new JournalEvent(seq.incrementAndGet(), t.plusSeconds(5 + waitS), CALL_OFFERED, id, agent, "repair", Map.of()));
        l.accept(new JournalEvent(seq.incrementAndGet(), t.plusSeconds(6 + waitS), CALL_CONNECTED, id, agent, "repair", Map.of()));
        if (rating != null) {
            l.accept(new JournalEvent(seq.incrementAndGet(), t.plusSeconds(80 + waitS), CALL_SURVEY, id, agent, "repair",
                    Map.of(RATING, rating)));
        }
        l.accept(new JournalEvent(seq.incrementAndGet(), t.plusSeconds(90 + waitS), CALL_ENDED, id, agent, "repair",
                Map.of(DISPOSITION, "ANSWERED")));
    }

    /** A Changsha number per call: c2 → 073155512, y1 → 073155591. */
    static String caller(String id) {
        return "0731555" + (id.startsWith("y") ? "9" : "1") + id.charAt(1);
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
    void supervisorSeesTodaySwitchesToYesterdayAndDrillsDownToACallAndItsRecording() throws Exception {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), TestBox.userFor(Role.SUPERVISOR));
        driver.get(box.baseUrl() + "/reports");

        By manual = By.cssSelector("#kpis tr[data-kpi='manualAnswerRate'] td.value");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(manual, "%"));
        assertEquals("75.0 %", driver.findElement(manual).getText(), "3 handled of 4 asked");
        assertTrue(driver.findElement(manual).getAttribute("class").contains("missed"), "below 95 %: red");
        assertEquals("人工接通率", driver.findElement(By.cssSelector("#kpis tr[data-kpi='manualAnswerRate'] td")).getText());
        By qa = By.cssSelector("#kpis tr[data-kpi='qaCompletion'] td.value");
        assertEquals("0.0 %", driver.findElement(qa).getText(), "0 of 1 due for scoring: 0 %, never no data");
        assertTrue(driver.findElement(qa).getAttribute("class").contains("missed"), "0 % is below 96 %: red");
        By repair = By.cssSelector("#kpis tr[data-kpi='repairCallbackRate'] td.value");
        assertEquals("无数据", driver.findElement(repair).getText(), "no repair orders (0 / 0): no data");
        wait.until(d -> d.findElements(By.cssSelector("#kpis .spark canvas")).size() >= 15);
        screenshot("reports-today.png");

        driver.findElement(By.cssSelector("#periods button[data-period='yesterday']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("period"), today.minusDays(1).toString()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(manual, "100.0 %"));
        assertTrue(driver.findElement(manual).getAttribute("class").contains("met"), "green");

        driver.findElement(By.cssSelector("#periods button[data-period='today']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(manual, "75.0 %"));
        // drill down: the answer-within-3-s figure's denominator is the handled calls
        driver.findElement(By.cssSelector("#kpis tr[data-kpi='answerWithin3s'] a.drill[data-count='handled']")).click();
        By c2 = By.cssSelector("#calls tr[data-call='c2']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(c2));
        assertEquals(3, driver.findElements(By.cssSelector("#calls tr")).size());
        assertEquals(caller("c2"), driver.findElement(c2).findElements(By.tagName("td")).get(2).getText());
        // the started time is the site's (Asia/Shanghai) 00:10, whatever the browser's zone
        assertEquals(LOCAL.format(today.atStartOfDay(SETTINGS.zone()).plusMinutes(10)), driver.findElement(c2).findElements(By.tagName("td")).get(1).getText());
        assertEquals("1–3 条，共 3 条", driver.findElement(By.cssSelector("#calls-pages .paging-info")).getText());
        driver.findElement(c2).findElement(By.cssSelector("button.listen")).click();
        wait.until(d -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.getElementById('player').src")).endsWith("/api/recordings/c2/audio"));
        screenshot("reports-drilldown.png");

        // every call of the day, searched by the caller's number (any part of it)
        driver.findElement(By.id("all-calls")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#calls-pages .paging-info"), "共 4 条"));
        driver.findElement(By.id("caller")).sendKeys("5514");
        driver.findElement(By.cssSelector("#calls-search button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#calls-pages .paging-info"), "共 1 条"));
        assertEquals(List.of("c4"), driver.findElements(By.cssSelector("#calls tr")).stream()
                .map(r -> r.getAttribute("data-call")).toList(), "the abandoned caller found by number");
        screenshot("reports-calls-by-caller.png");
        driver.findElement(By.id("caller")).clear();
        driver.findElement(By.id("caller")).sendKeys("07%");
        driver.findElement(By.cssSelector("#calls-search button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "只能输入数字"));

        driver.findElement(By.cssSelector("#by option[value='agent']")).click();
        By agentRow = By.cssSelector("#kpis tr[data-group='agent:agent1']");
        wait.until(ExpectedConditions.presenceOfElementLocated(agentRow));
        screenshot("reports-by-agent.png");

        // the date fields' calendar speaks the user's language (zh-CN) on a browser set to en-US,
        // and marks the site's today
        driver.findElement(By.id("from")).click();
        By month = By.cssSelector("#controls .datepick:not(.hidden) .month");
        wait.until(ExpectedConditions.visibilityOfElementLocated(month));
        String title = driver.findElement(month).getText();
        assertTrue(title.equals(today.getYear() + "年" + today.getMonthValue() + "月"), "month in Chinese: " + title);
        assertEquals("一", driver.findElements(By.cssSelector("#controls .datepick:not(.hidden) .weekday")).get(0).getText(),
                "weeks start on Monday (星期一)");
        By todayButton = By.cssSelector("#controls .datepick:not(.hidden) button.day.today");
        assertEquals(today.toString(), driver.findElement(todayButton).getAttribute("data-date"), "the site's today");
        screenshot("reports-datepicker.png");
        driver.findElement(todayButton).click();
        assertEquals(today.toString(), driver.findElement(By.id("from")).getAttribute("value"));
        driver.findElement(By.id("to")).clear();
        driver.findElement(By.id("to")).sendKeys("2026-13-01");
        driver.findElement(By.cssSelector("#controls button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "日期无效"));
    }

    static void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
