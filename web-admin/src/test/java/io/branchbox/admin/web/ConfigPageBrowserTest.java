package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.Role;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A technician configures a new branch from the factory document in a real Chromium, the way
 * they would: an E1 span, two analog lines, six agents with Chinese names, three queues, a
 * two-level IVR menu, office hours with a holiday picked on the calendar. A wrong value shows its
 * message beside the field and saves nothing; a save makes revision 2, which a rollback later
 * restores; the page is Chinese and switches to English. Screenshots go to docs/screenshots/.
 * (Browser and driver requirements: see {@link StatusPageBrowserTest}.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first test counts the revisions from 1
class ConfigPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> NAMES = List.of("张敏", "李强", "王芳", "刘洋", "陈静", "杨帆");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path profileDir;
    private static TestBox box;
    private static WebDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        HeadlessChromium.requireInstalled();
        box = new TestBox(dataDir);
        driver = HeadlessChromium.start(profileDir, "--window-size=1366,1500", "--lang=zh-CN");
        wait = new WebDriverWait(driver, WAIT);
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
    @Order(1)
    void aTechnicianConfiguresANewBranchSeesMistakesBesideTheFieldsAndRollsBack() throws Exception {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD);
        driver.get(box.baseUrl() + "/config");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#tabs button[data-section='queues']"), "队列与策略"));

        type("site.name", "城关供电所 95598 热线");
        shot("config-site");

        tab("spans");
        choose("spans[0].clock", "LINE");
        choose("spans[0].framing", "CRC4");
        shot("config-spans");

        tab("fxo");
        add();
        add();
        choose("fxo[1].callerId", "DTMF");
        type("fxo[1].ringsToAnswer", "3");
        // supervision: this exchange gives no polarity reversal; a busy tone too long to wait for
        field("fxo[1].supervision.polarityReversal").click();
        type("fxo[1].supervision.disconnectToneMs", "20000");
        wait.until(ExpectedConditions.textToBe(errFor("fxo[1].supervision.disconnectToneMs"), "20000 超出允许范围 500–10000"));
        shot("config-fxo");
        type("fxo[1].supervision.disconnectToneMs", "3000");
        wait.until(ExpectedConditions.textToBe(errFor("fxo[1].supervision.disconnectToneMs"), ""));

        tab("agents");
        for (int i = 0; i < NAMES.size(); i++) {
            type("agents[" + i + "].name", NAMES.get(i));
        }
        type("agents[0].skills", "power=5");
        shot("config-agents");

        tab("queues");
        choose("queues[1].strategy", "ROUND_ROBIN");
        choose("queues[2].overflow", "VOICEMAIL");
        // a wrong value: its message beside the field, in Chinese, and Save refused
        type("queues[0].offerTimeoutS", "999");
        WebElement error = driver.findElement(errFor("queues[0].offerTimeoutS"));
        wait.until(ExpectedConditions.textToBePresentInElement(error, "超出允许范围"));
        assertEquals("999 超出允许范围 3–120", error.getText());
        assertFalse(driver.findElement(By.id("save")).isEnabled());
        assertTrue(driver.findElement(By.cssSelector("#tabs button[data-section='queues']")).getAttribute("class")
                .contains("has-errors"));
        shot("config-error");
        assertEquals(1, ConfigDocuments.read(box.configFile).revision(), "nothing saved");
        type("queues[0].offerTimeoutS", "15");
        wait.until(ExpectedConditions.textToBe(errFor("queues[0].offerTimeoutS"), ""));

        tab("ivr");
        addLast();
        type("ivr.menus[1].name", "repair-menu");
        choose("ivr.menus[0].choices.1.action", "MENU");
        choose("ivr.menus[0].choices.1.target", "repair-menu");
        // the new menu is the second card: its key picker and "add key" button
        new Select(driver.findElements(By.cssSelector("select.new-key")).get(1)).selectByValue("1");
        driver.findElements(By.xpath("//button[@data-i18n='config.ivr.addChoice']")).get(1).click();
        choose("ivr.menus[1].choices.1.target", "repair");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.tree"), "repair-menu"));
        shot("config-ivr");

        tab("hours");
        driver.findElement(By.cssSelector("#panel button.add")).click();
        WebElement day = driver.findElements(By.cssSelector(".cal-day")).get(9);
        String holiday = day.getAttribute("data-date");
        day.click();
        wait.until(ExpectedConditions.attributeContains(By.cssSelector(".cal-day[data-date='" + holiday + "']"), "class",
                "holiday"));
        shot("config-hours");

        saveAndWaitFor("已保存为第 2 版");
        BoxConfig saved = ConfigDocuments.read(box.configFile);
        assertEquals(2, saved.revision());
        assertEquals("城关供电所 95598 热线", saved.site().name());
        assertEquals(2, saved.fxo().size());
        assertEquals(BoxConfig.CallerId.DTMF, saved.fxo().get(1).callerId());
        assertEquals(new BoxConfig.FxoSupervision(false, 30, 3000), saved.fxo().get(1).supervision());
        assertEquals(NAMES, saved.agents().stream().map(BoxConfig.Agent::name).toList());
        assertEquals(BoxConfig.Strategy.ROUND_ROBIN, saved.queues().get(1).strategy());
        assertEquals(15, saved.queues().get(0).offerTimeoutS());
        assertEquals(new BoxConfig.Step(BoxConfig.StepAction.MENU, "repair-menu", 0),
                saved.ivr().menus().get(0).choices().get("1"));
        assertEquals("repair", saved.ivr().menus().get(1).choices().get("1").target());
        assertEquals(1, saved.hours().weekly().size());
        assertEquals(holiday, saved.hours().holidays().get(0).date());
        assertEquals(saved, box.applied.get(box.applied.size() - 1), "applied as saved");
        // the analog lines need a restart: said so, with the button
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending"), "模拟线路"));
        assertTrue(driver.findElement(By.id("restart")).isDisplayed());

        tab("recording");
        type("recording.retentionDays", "90");
        saveAndWaitFor("已保存为第 3 版");
        tab("revisions");
        WebElement undo = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#revisions tr[data-revision='3'] button.rollback")));
        shot("config-revisions");
        undo.click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "已保存为第 4 版"));
        BoxConfig rolledBack = ConfigDocuments.read(box.configFile);
        assertEquals(183, rolledBack.recording().retentionDays());
        assertEquals(saved.withRevision(4), rolledBack);

        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("language")))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#tabs button[data-section='queues']"),
                "Queues and strategies"));
        tab("queues");
        assertEquals("Round robin", new Select(field("queues[1].strategy")).getFirstSelectedOption().getText());
        shot("config-queues-en");
    }

    @Test
    @Order(2)
    void theWebAndApplianceTabsCheckHttpsAndTheBackupBesideTheirFieldsSavingNothingWrong() throws Exception {
        driver.manage().deleteAllCookies();
        long revision = ConfigDocuments.read(box.configFile).revision();
        openInChinese("web", "网页服务");

        tab("web");
        assertTrue(field("web.https.enabled").isSelected(), "HTTPS on from the factory");
        type("web.https.port", "8080");
        wait.until(ExpectedConditions.textToBe(errFor("web.https.port"), "HTTPS 需要单独的端口，不能与 HTTP 端口 8080 相同"));
        assertFalse(driver.findElement(By.id("save")).isEnabled());
        type("web.https.port", "8443");
        wait.until(ExpectedConditions.textToBe(errFor("web.https.port"), ""));
        choose("web.https.certificate", "UPLOADED");
        assertTrue(driver.findElement(By.id("cert-upload")).isDisplayed());
        shot("config-web");

        tab("appliance");
        type("appliance.backup.hour", "25");
        wait.until(ExpectedConditions.textToBe(errFor("appliance.backup.hour"), "25 超出允许范围 0–23"));
        assertFalse(driver.findElement(By.id("save")).isEnabled());
        shot("config-appliance");
        assertEquals(revision, ConfigDocuments.read(box.configFile).revision(), "nothing saved");
        driver.manage().deleteAllCookies();
    }

    @Test
    @Order(3)
    void theOperationsTabsCheckBesideTheFieldAndSaveAsARevisionThatNeedsARestart() throws Exception {
        long revision = ConfigDocuments.read(box.configFile).revision();
        openInChinese("kpi", "指标目标");

        tab("kpi");
        type("kpi.serviceLevelTargetPercent", "0");
        wait.until(ExpectedConditions.textToBe(errFor("kpi.serviceLevelTargetPercent"), "0 超出允许范围 1–100"));
        assertFalse(driver.findElement(By.id("save")).isEnabled());
        shot("config-kpi");
        assertEquals(revision, ConfigDocuments.read(box.configFile).revision(), "nothing saved");
        type("kpi.serviceLevelTargetPercent", "85");
        wait.until(ExpectedConditions.textToBe(errFor("kpi.serviceLevelTargetPercent"), ""));

        tab("qa");
        type("qa.samplePercent", "3.5");
        shot("config-qa");
        tab("shifts");
        assertTrue(driver.findElements(By.cssSelector("fieldset.card")).size() >= 3, "the factory rota's shifts");
        shot("config-shifts");
        tab("workOrders");
        type("workOrders.deadlines.dispatchMin", "20");
        shot("config-workorders");

        saveAndWaitFor("已保存为第 " + (revision + 1) + " 版");
        BoxConfig saved = ConfigDocuments.read(box.configFile);
        assertEquals(85, saved.kpi().serviceLevelTargetPercent());
        assertEquals(3.5, saved.qa().samplePercent());
        assertEquals(20, saved.workOrders().deadlines().dispatchMin());
        // read at start by the KPI ledger, QA and work orders: said so, with the restart button
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pending"), "指标目标"));
        assertTrue(driver.findElement(By.id("pending")).getText().contains("质检"));
        tab("revisions");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#revisions tr[data-revision='" + (revision + 1) + "']"), "kpi.serviceLevelTargetPercent"));
    }

    /**
     * Logs the technician in on the configuration page in Chinese (an earlier test may have left
     * the user in English) and waits for the tab of {@code section} to be named {@code name}.
     */
    private static void openInChinese(String section, String name) {
        HeadlessChromium.logIn(driver, wait, box.baseUrl(), TestBox.userFor(Role.TECHNICIAN));
        driver.get(box.baseUrl() + "/config");
        Select language = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("language"))));
        if (!"zh-CN".equals(language.getFirstSelectedOption().getAttribute("value"))) {
            language.selectByValue("zh-CN");
        }
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#tabs button[data-section='" + section + "']"), name));
    }

    private static By errFor(String path) {
        return By.cssSelector("[data-err-for='" + path + "']");
    }

    private static WebElement field(String path) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-path='" + path + "']")));
    }

    private static void type(String path, String text) {
        WebElement e = field(path);
        e.clear();
        e.sendKeys(text);
    }

    private static void choose(String path, String value) {
        new Select(field(path)).selectByValue(value);
    }

    private static void tab(String section) {
        driver.findElement(By.cssSelector("#tabs button[data-section='" + section + "']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#tabs button[data-section='" + section + "']"),
                "aria-selected", "true"));
    }

    /** The first list's "add" button of the section (spans, lines, agents…). */
    private static void add() {
        int before = driver.findElements(By.cssSelector("fieldset.card")).size();
        driver.findElement(By.cssSelector("#panel button.add")).click();
        wait.until(d -> d.findElements(By.cssSelector("fieldset.card")).size() == before + 1);
    }

    /** The last list's "add" button (the IVR's menus come after its entry fields). */
    private static void addLast() {
        List<WebElement> adds = driver.findElements(By.cssSelector("#panel .list > button.add"));
        adds.get(adds.size() - 1).click();
    }

    private static void saveAndWaitFor(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("save"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), text));
    }

    private static void shot(String name) throws Exception {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        HeadlessChromium.screenshot(driver, name);
    }

}
