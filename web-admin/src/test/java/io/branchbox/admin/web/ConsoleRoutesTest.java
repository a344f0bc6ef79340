package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.console.FakeAgentConsole;
import io.branchbox.admin.users.Role;
import io.branchbox.firmware.console.ConsoleException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console API over a real server and the fake call control: who acts, what is passed, what comes back. */
class ConsoleRoutesTest {
    private static final String AGENT = TestBox.userFor(Role.AGENT);
    private static final String SUPERVISOR = TestBox.userFor(Role.SUPERVISOR);

    @TempDir
    Path dataDir;
    private TestBox box;
    private WebClient agent;

    @BeforeEach
    void start() {
        box = new TestBox(dataDir);
        agent = loggedIn(Role.AGENT);
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void agentLogsInToASeatAndSeesTheirOwnConsole() {
        assertEquals(200, agent.postJson("/api/console/login", "{\"seat\":3}").statusCode());

        JsonNode view = WebClient.json(agent.get("/api/console/view"));
        assertEquals(AGENT, view.get("agentId").asText());
        assertEquals(3, view.get("seat").asInt());
        assertEquals("NOT_READY", view.get("state").asText());
        assertEquals("2026-01-05T08:30:00Z", view.get("since").asText());
        assertTrue(view.get("call").isNull());
        assertEquals("lunch", view.get("notReadyReasons").get(0).asText());
        assertEquals("repair-accepted", view.get("wrapUpCodes").get(0).asText());
        assertEquals(List.of("login agent-user 3"), box.console.acts);
    }

    @Test
    void anAgentPutsACustomerOnTheCallbackListAndEveryoneSeesIt() {
        assertEquals(200, agent.postJson("/api/console/callbacks", "{\"number\":\"13800138000\",\"queue\":\"repairs\"}")
                .statusCode());
        assertEquals(400, agent.postJson("/api/console/callbacks", "{\"number\":\"12;rm\",\"queue\":\"repairs\"}")
                .statusCode());
        assertEquals(404, agent.postJson("/api/console/callbacks", "{\"number\":\"13800138001\",\"queue\":\"nosuch\"}")
                .statusCode());
        assertEquals(200, agent.postJson("/api/console/callbacks", "{\"number\":\"13800138002\",\"queue\":\"repairs\"}")
                .statusCode());
        // the list envelope of every list (admin.http.Paging): one page, and the total for "1–1 of 2"
        JsonNode page = WebClient.json(agent.get("/api/console/callbacks?offset=0&limit=1"));
        assertEquals(2, page.get("total").asInt());
        assertEquals(1, page.get("items").size());
        assertEquals("13800138000", page.get("items").get(0).get("number").asText());
        assertEquals("repairs", page.get("items").get(0).get("queue").asText());
        JsonNode second = WebClient.json(agent.get("/api/console/callbacks?offset=1&limit=1"));
        assertEquals("13800138002", second.get("items").get(0).get("number").asText(), "the second page is reachable");
        assertEquals(400, agent.get("/api/console/callbacks?limit=0").statusCode(), "a bad page is refused");
        assertTrue(box.console.acts.contains("callback " + AGENT + " 13800138000 repairs"), box.console.acts.toString());
    }

    @Test
    void screenPopCarriesNumberNameAndEarlierCallsWithCodesAndNotes() {
        box.console.offer(AGENT, FakeAgentConsole.sampleCall());

        JsonNode call = WebClient.json(agent.get("/api/console/view")).get("call");
        assertEquals("OFFERED", call.get("state").asText());
        assertEquals("13800138000", call.get("number").asText());
        assertEquals("<script>alert(1)</script>", call.get("name").asText());
        JsonNode earlier = call.get("history").get(0);
        assertEquals("2026-01-01T08:30:00Z", earlier.get("startedAt").asText());
        assertEquals("zhao", earlier.get("agentId").asText());
        assertEquals("repair-accepted", earlier.get("wrapUpCode").asText());
        assertEquals("<b>x</b> power cut since noon", earlier.get("notes").asText());
        assertEquals("Mr Chen", earlier.get("customerName").asText());
    }

    @Test
    void everyActionActsForTheSessionsAgentWhateverTheBodySays() {
        agent.postJson("/api/console/login", "{\"seat\":3}");
        box.console.offer(AGENT, FakeAgentConsole.sampleCall());

        assertEquals(200, agent.postJson("/api/console/answer", "{\"agentId\":\"zhao\"}").statusCode());
        assertEquals(200, agent.postJson("/api/console/hold", "{\"agentId\":\"zhao\"}").statusCode());
        HttpResponse<String> smuggled = agent.postJson("/api/console/not-ready", "{\"reason\":\"lunch\",\"agentId\":\"zhao\"}");

        assertEquals(400, smuggled.statusCode());
        assertEquals("请求中有未知字段“agentId”。", WebClient.json(smuggled).get("error").asText());
        assertEquals(List.of("login agent-user 3", "answer agent-user", "hold agent-user"), box.console.acts);
    }

    @Test
    void transfersGoToAnAgentOrAQueueBlindOrAttended() {
        agent.postJson("/api/console/login", "{\"seat\":3}");
        box.console.offer(AGENT, FakeAgentConsole.sampleCall());
        agent.postJson("/api/console/answer", "{}");

        assertEquals(200, agent.postJson("/api/console/transfer",
                "{\"kind\":\"agent\",\"name\":\"zhao\",\"attended\":true}").statusCode());
        assertEquals(200, agent.postJson("/api/console/complete-transfer", "{}").statusCode());
        box.console.offer(AGENT, FakeAgentConsole.sampleCall());
        agent.postJson("/api/console/answer", "{}");
        assertEquals(200, agent.postJson("/api/console/transfer", "{\"kind\":\"QUEUE\",\"name\":\"repairs\"}").statusCode());

        assertEquals(List.of("login agent-user 3", "answer agent-user", "transfer agent-user agent:zhao attended",
                "complete-transfer agent-user", "answer agent-user", "transfer agent-user queue:repairs blind"),
                box.console.acts);
        assertEquals(400, agent.postJson("/api/console/transfer", "{\"kind\":\"phone\",\"name\":\"zhao\"}").statusCode());
        assertEquals(400, agent.postJson("/api/console/transfer", "{\"kind\":\"agent\",\"name\":\"../x\"}").statusCode());
    }

    @Test
    void dialAcceptsDigitsStarAndHashOnly() {
        agent.postJson("/api/console/login", "{\"seat\":3}");

        assertEquals(200, agent.postJson("/api/console/dial", "{\"number\":\"*95598#\"}").statusCode());
        for (String bad : List.of("\"\"", "\"12a\"", "\"1 2\"", "\"" + "1".repeat(33) + "\"", "null", "\"+8613800138000\"")) {
            HttpResponse<String> r = agent.postJson("/api/console/dial", "{\"number\":" + bad + "}");
            assertEquals(400, r.statusCode(), bad);
            assertEquals("号码为 1 至 32 位数字、* 或 #。", WebClient.json(r).get("error").asText(), bad);
            assertEquals("console.input.number", WebClient.json(r).get("code").asText(), bad);
        }
        assertEquals(List.of("login agent-user 3", "dial agent-user *95598#"), box.console.acts);
    }

    @Test
    void wrapUpPassesCodeNotesAndNameAndRefusesOverlongOrControlText() {
        agent.postJson("/api/console/login", "{\"seat\":3}");
        box.console.offer(AGENT, FakeAgentConsole.sampleCall());
        agent.postJson("/api/console/hangup", "{}");
        String callId = FakeAgentConsole.sampleCall().callId();

        assertEquals(400, wrapUp(callId, "x".repeat(2001), "Mr Chen").statusCode());
        assertEquals(400, wrapUp(callId, "ok", "n".repeat(101)).statusCode());
        assertEquals(400, wrapUp(callId, "bell\u0007", "Mr Chen").statusCode());
        assertEquals(400, wrapUp(callId, "ok", "two\nlines").statusCode());
        assertEquals(400, agent.postJson("/api/console/wrap-up", "{\"callId\":\"" + callId + "\"}").statusCode());
        assertEquals(List.of("login agent-user 3", "hangup agent-user"), box.console.acts);

        String notes = "line one\nline two " + "y".repeat(1980);
        assertEquals(200, wrapUp(callId, notes, " Mr Chen ").statusCode());
        assertEquals("wrap-up agent-user " + callId + " repair-accepted [" + notes + "] [Mr Chen]",
                box.console.acts.get(2));
    }

    @Test
    void refusalsFromCallControlCarryTheirCodeAndAFittingStatus() {
        WebClient supervisor = loggedIn(Role.SUPERVISOR);
        assertEquals(200, supervisor.postJson("/api/console/login", "{\"seat\":3}").statusCode());

        HttpResponse<String> taken = agent.postJson("/api/console/login", "{\"seat\":3}");
        assertEquals(409, taken.statusCode());
        JsonNode problem = WebClient.json(taken);
        assertEquals("seat-taken", problem.get("code").asText());
        // call control's code, in the user's language (Chinese by default), not its English
        assertEquals("该席位已被其他坐席占用。", problem.get("message").asText());
        assertEquals("该席位已被其他坐席占用。", problem.get("error").asText());

        agent.postJson("/api/console/login", "{\"seat\":4}");
        assertEquals(400, agent.postJson("/api/console/not-ready", "{\"reason\":\"coffee\"}").statusCode());
        assertEquals(409, agent.postJson("/api/console/hold", "{}").statusCode());
        box.console.offer(AGENT, FakeAgentConsole.sampleCall());
        agent.postJson("/api/console/answer", "{}");
        HttpResponse<String> noQueue = agent.postJson("/api/console/transfer", "{\"kind\":\"queue\",\"name\":\"billing\"}");
        assertEquals(404, noQueue.statusCode());
        assertEquals("no-such-queue", WebClient.json(noQueue).get("code").asText());
    }

    @Test
    void aUserWhoIsNoConfiguredAgentIsToldSo() {
        HttpResponse<String> r = loggedIn(Role.SHIFT_LEAD).get("/api/console/view");

        assertEquals(404, r.statusCode());
        assertEquals("no-such-agent", WebClient.json(r).get("code").asText());
    }

    @Test
    void callControlThatDoesNotAnswerGives503AfterTheTimeout() throws Exception {
        box.console.neverAnswer();
        var pending = CompletableFuture.supplyAsync(() -> agent.postJson("/api/console/hold", "{}"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!box.console.acts.contains("hold agent-user") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(pending.isDone());

        box.consoleTimeouts.advance(Duration.ofSeconds(5));

        HttpResponse<String> r = pending.get(10, TimeUnit.SECONDS);
        assertEquals(503, r.statusCode());
        assertEquals("timeout", WebClient.json(r).get("code").asText());
        assertEquals(0, box.consoleTimeouts.pendingCount());
    }

    @Test
    void answeredActionsLeaveNoTimerBehind() {
        agent.postJson("/api/console/login", "{\"seat\":3}");
        agent.get("/api/console/view");

        assertEquals(0, box.consoleTimeouts.pendingCount());
    }

    @Test
    void withoutCallControlTheConsoleAnswers503() {
        box.server.attachConsole(null, box.consoleTimeouts);

        HttpResponse<String> r = agent.get("/api/console/view");
        assertEquals(503, r.statusCode());
        assertEquals("console-unavailable", WebClient.json(r).get("code").asText());
    }

    @Test
    void anUnexpectedFailureInCallControlIs500WithoutDetail() {
        box.console.failNext(new IllegalStateException("call manager exploded at CallManager.java:42"));

        HttpResponse<String> r = agent.get("/api/console/view");
        assertEquals(500, r.statusCode());
        assertEquals("{\"error\":\"盒子内部错误，请稍后再试；如反复出现请联系技术员。\",\"code\":\"core.error.internal\"}", r.body());
    }

    @Test
    void consoleExceptionThrownInsteadOfReturnedIsStillARefusal() {
        box.console.failNext(new ConsoleException("wrong-state", "not now"));

        HttpResponse<String> r = agent.postJson("/api/console/ready", "{}");
        assertEquals(409, r.statusCode());
        assertEquals("wrong-state", WebClient.json(r).get("code").asText());
    }

    @Test
    void supervisorsSeeEveryAgentAndMonitorFromTheirOwnId() {
        agent.postJson("/api/console/login", "{\"seat\":3}");
        box.console.offer(AGENT, FakeAgentConsole.sampleCall());
        WebClient supervisor = loggedIn(Role.SUPERVISOR);

        JsonNode agents = WebClient.json(supervisor.get("/api/console/supervisor/agents"));
        assertEquals(3, agents.size());
        assertEquals(FakeAgentConsole.sampleCall().callId(), agents.get(0).get("callId").asText());
        assertEquals(3, agents.get(0).get("seat").asInt());
        assertEquals(200, supervisor.postJson("/api/console/monitor", "{\"agentId\":\"agent-user\",\"mode\":\"whisper\"}").statusCode());
        assertEquals(400, supervisor.postJson("/api/console/monitor", "{\"agentId\":\"agent-user\",\"mode\":\"record\"}").statusCode());
        assertEquals(400, supervisor.postJson("/api/console/monitor", "{\"agentId\":\"<x>\",\"mode\":\"LISTEN\"}").statusCode());
        assertEquals("monitor " + SUPERVISOR + " agent-user WHISPER", box.console.acts.get(1));
    }

    @Test
    void agentsSeeColleaguesStatesButNotTheirCallsAndMayNotMonitor() {
        JsonNode colleagues = WebClient.json(agent.get("/api/console/agents"));
        assertEquals("zhao", colleagues.get(2).get("agentId").asText());
        assertFalse(colleagues.get(2).has("callId"));
        assertFalse(colleagues.get(2).has("seat"));

        assertEquals(403, agent.get("/api/console/supervisor/agents").statusCode());
        assertEquals(403, agent.postJson("/api/console/monitor", "{\"agentId\":\"zhao\",\"mode\":\"LISTEN\"}").statusCode());
        assertTrue(box.console.acts.isEmpty());
    }

    @Test
    void viewersMayNotUseTheConsoleAtAll() {
        WebClient viewer = loggedIn(Role.VIEWER);

        assertEquals(403, viewer.get("/console").statusCode());
        assertEquals(403, viewer.get("/api/console/view").statusCode());
        assertEquals(403, viewer.postJson("/api/console/login", "{\"seat\":3}").statusCode());
        assertTrue(box.console.acts.isEmpty());
    }

    @Test
    void malformedBodiesAndMissingCsrfTokensChangeNothing() {
        assertEquals(400, agent.postJson("/api/console/login", "{\"seat\":").statusCode());
        assertEquals(400, agent.postJson("/api/console/login", "{\"seat\":17}").statusCode());
        assertEquals(400, agent.postJson("/api/console/login", "{\"seat\":\"three\"}").statusCode());
        assertEquals(400, agent.postJson("/api/console/login", "{}").statusCode());
        agent.forgetCsrfToken();
        assertEquals(403, agent.postJson("/api/console/login", "{\"seat\":3}").statusCode());
        assertTrue(box.console.acts.isEmpty());
    }

    private HttpResponse<String> wrapUp(String callId, String notes, String name) {
        return agent.postJson("/api/console/wrap-up", "{\"callId\":" + WebClient.quote(callId)
                + ",\"code\":\"repair-accepted\",\"notes\":" + WebClient.quote(notes)
                + ",\"customerName\":" + WebClient.quote(name) + "}");
    }

    private WebClient loggedIn(Role role) {
        WebClient client = box.client();
        assertEquals(200, client.login(TestBox.userFor(role), TestBox.PASSWORD).statusCode());
        return client;
    }
}
