package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.PasswordHasher;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.UserStore;
import io.branchbox.admin.web.HeadlessChromium;
import io.branchbox.admin.web.Screenshots;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.qa.QaEventTypes;
import io.branchbox.firmware.qa.QaResult;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Scoring a live call, over the whole box on the simulated site and a real headless Chromium: a
 * caller is talking to agent1; the quality inspector (web user {@code agent4}, at seat 4) opens
 * 实时监听 on the QA page, picks the call and listens through the console's supervisor listen
 * (journaled as {@code call.monitor} LISTEN by agent4), sets a mark and scores it on the form
 * beside; the score is the call's, journaled as {@code qa.scored} with {@code live=true}. The
 * inspector stops listening, the caller hangs up, the recording arrives and is kept for the score.
 * Screenshots: {@code docs/screenshots/qa-9-live-calls.png}, {@code qa-10-live-scoring.png}.
 */
class QaLiveScoringBrowserTest {
    private static final String PASSWORD = "inspector test password";
    private static final String CALLER = "13800000009";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;
    @TempDir
    Path profile;

    @Test
    void anInspectorListensToALiveCallAndScoresItBesideTheListen() throws Exception {
        HeadlessChromium.requireInstalled();
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            new UserStore(s.box.runtime().dataSource(), PasswordHasher.argon2id(), Clock.systemUTC())
                    .create("agent4", PASSWORD, Role.QUALITY_INSPECTOR, false);
            ok(s.console().ready("agent1"));
            OfferedCall caller = s.call(CALLER, "95598", 1);
            String call = s.callIdOf(CALLER);
            assertEquals("agent1", s.offeredTo(call, 1));
            ok(s.console().answer("agent1"));
            s.await(CallEventTypes.CALL_CONNECTED, call);

            WebDriver driver = HeadlessChromium.start(profile, "--lang=zh-CN");
            try {
                Screenshots.desktop(driver);
                WebDriverWait wait = new WebDriverWait(driver, WAIT);
                String base = "http://127.0.0.1:" + s.box.web().port();
                HeadlessChromium.logIn(driver, wait, base, "agent4", PASSWORD);
                driver.get(base + "/qa#live");
                By row = By.cssSelector("#live-calls tr[data-agent='agent1']");
                wait.until(ExpectedConditions.presenceOfElementLocated(row));
                assertTrue(driver.findElement(row).getText().contains(call), driver.findElement(row).getText());
                assertEquals(1, driver.findElements(By.cssSelector("#live-calls tr[data-agent]")).size(),
                        "only agent1 is talking: " + driver.findElement(By.id("live-calls")).getText());
                assertTrue(driver.findElement(By.id("live-seat")).getText().contains("4"),
                        driver.findElement(By.id("live-seat")).getText());
                Screenshots.take(driver, "qa-9-live-calls");
                driver.findElement(row).findElement(By.tagName("button")).click();

                // the console's supervisor listen, on the inspector's own seat
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live-banner")));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-what"), call));
                // the form is there once the page has fetched it
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[data-item='accuracy.policy']")));
                JournalEvent listen = s.await("agent4 listening to " + call, e -> e.type().equals(CallEventTypes.CALL_MONITOR)
                        && call.equals(e.callId()) && "agent4".equals(e.agentId()) && "LISTEN".equals(e.attr(CallEventTypes.MODE)));
                assertEquals("agent1", listen.attr(CallEventTypes.TARGET));
                assertTrue(!driver.findElement(By.id("wave")).isDisplayed(), "no waveform while the call is live");

                // a mark and the form beside the listen
                driver.findElement(By.id("mark-text")).sendKeys("电价政策答复不准确");
                driver.findElement(By.id("mark-add")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#marks li")));
                ((JavascriptExecutor) driver).executeScript(
                        "const p = document.querySelector(\"input[data-item='accuracy.policy']\"); p.value = 0;"
                                + "p.dispatchEvent(new Event('input', {bubbles: true}));");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-total"), "85"));
                driver.findElement(By.id("form-comment")).sendKeys("实时监听：电价政策答复不准确");
                driver.findElement(By.id("form-submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-result"), "85"));
                ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
                Screenshots.take(driver, "qa-10-live-scoring");

                JournalEvent scored = s.await(QaEventTypes.SCORED, call);
                assertEquals("agent1", scored.agentId(), "the score is the agent's, whoever scored it");
                assertEquals("agent4", scored.attr(QaEventTypes.BY));
                assertEquals("true", scored.attr(QaEventTypes.LIVE));
                assertEquals("85", scored.attr(QaEventTypes.TOTAL));

                // stop listening; the call goes on, then ends, and its recording arrives
                driver.findElement(By.id("live-end")).click();
                s.await("agent4 stops listening", e -> e.type().equals(CallEventTypes.CALL_MONITOR)
                        && call.equals(e.callId()) && "END".equals(e.attr(CallEventTypes.MODE)));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-what"), "已结束监听"));
            } finally {
                driver.quit();
            }
            s.site.carrier().hangup(caller);
            caller.cleared().get(10, TimeUnit.SECONDS);
            CallRecord r = s.record(call, true);
            assertTrue(s.recording(r).frames() > 0, "the scored call's recording arrived after the call");
            QaService qa = s.box.runtime().qa();
            QaResult result = qa.book().result(call).orElseThrow();
            assertTrue(result.current().live());
            assertEquals(1, result.current().marks().size());
            assertTrue(qa.keepsRecording(call, Instant.now()), "the recording is kept as long as its score");
        }
    }
}
