package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.users.Role;
import io.branchbox.firmware.config.ShiftCalendar;
import io.branchbox.firmware.qa.QaEventTypes;
import io.branchbox.firmware.qa.form.FactoryForms;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QA API over a real server and journal: permissions, idempotent scores, refusals, exports. */
class QaApiTest {
    private static final String CALL = "20261207-100000-0001";
    private static final String OTHER = "20261207-100500-0002";
    private static final String LOW = "20261207-101000-0003";
    private static final String FAULT = "20261207-101500-0004";

    @TempDir
    static Path dataDir;
    private static QaTestBox box;
    private static String day;

    @BeforeAll
    static void start() throws Exception {
        box = new QaTestBox(dataDir);
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        box.call(CALL, TestBox.userFor(Role.AGENT), 3, started);
        box.call(OTHER, "agent2", 3, started.plusSeconds(60));
        box.call(LOW, "agent2", 3, started.plusSeconds(120));
        box.call(FAULT, TestBox.userFor(Role.AGENT), 3, started.plusSeconds(180));
        day = box.qa.shifts().shiftOf(started).map(ShiftCalendar.ShiftDay::day).orElseThrow().toString();
    }

    @AfterAll
    static void stop() throws Exception {
        box.close();
    }

    private static WebClient as(Role role) {
        WebClient c = box.box.client();
        assertEquals(200, c.login(TestBox.userFor(role), TestBox.PASSWORD).statusCode());
        return c;
    }

    private static String score(String scoreId, String callId, int accuracy, String comment) {
        return score(scoreId, callId, accuracy, comment, "");
    }

    private static String score(String scoreId, String callId, int accuracy, String comment, String fatal) {
        StringBuilder points = new StringBuilder();
        FactoryForms.hotline().items().stream().filter(i -> !i.fatal()).forEach(i -> points.append(points.isEmpty() ? "" : ",")
                .append(WebClient.quote(i.id())).append(':').append(i.id().equals("accuracy.policy") ? accuracy : i.points()));
        return "{\"scoreId\":" + WebClient.quote(scoreId) + ",\"callId\":" + WebClient.quote(callId)
                + ",\"formId\":\"hotline-95598\",\"formVersion\":0,\"points\":{" + points + "},\"fatal\":["
                + (fatal.isEmpty() ? "" : WebClient.quote(fatal)) + "],"
                + "\"marks\":[{\"atMs\":1200,\"text\":\"<img src=x onerror=alert(1)>\"}],\"comment\":"
                + WebClient.quote(comment) + ",\"live\":false}";
    }

    @Test
    void aScoreSubmittedTwiceIsRecordedOnceAndAnAgentCannotReadOrDisputeAnotherAgentsResult() throws Exception {
        WebClient inspector = as(Role.QUALITY_INSPECTOR);
        String body = score("api-score-0001", CALL, 0, "答复错误");
        HttpResponse<String> first = inspector.postJson("/api/qa/scores", body);
        HttpResponse<String> again = inspector.postJson("/api/qa/scores", body);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(85, WebClient.json(first).get("total").asInt());
        assertEquals("<img src=x onerror=alert(1)>", WebClient.json(first).get("marks").get(0).get("text").asText(),
                "stored as typed; the page sets it as text");
        box.journal.flush();
        List<String> scored = new ArrayList<>();
        box.journal.replay(e -> {
            if (QaEventTypes.SCORED.equals(e.type())) {
                scored.add(e.attr(QaEventTypes.SCORE_ID));
            }
        });
        assertEquals(1, scored.stream().filter("api-score-0001"::equals).count());

        WebClient agent = as(Role.AGENT);
        assertEquals(403, agent.get("/api/qa/agents/agent2/results").statusCode(), "another agent's results");
        assertEquals(200, agent.get("/api/qa/agents/" + TestBox.userFor(Role.AGENT) + "/results").statusCode());
        assertEquals(200, inspector.postJson("/api/qa/scores", score("api-score-0002", OTHER, 15, "")).statusCode());
        HttpResponse<String> foreign = agent.postJson("/api/qa/results/" + OTHER + "/dispute", "{\"comment\":\"不是我的\"}");
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals(403, agent.get("/api/qa/plan").statusCode(), "an agent does not draw plans");
        assertEquals(403, inspector.get("/api/qa/disputes").statusCode(), "an inspector does not review disputes");
        assertEquals(403, as(Role.SHIFT_LEAD).get("/api/qa/disputes/" + OTHER + "/audio").statusCode(),
                "a shift lead hears only a disputed call");
    }

    @Test
    void aLowScoreWithoutCommentIsRefusedWithTheReason() {
        HttpResponse<String> r = as(Role.QUALITY_INSPECTOR).postJson("/api/qa/scores",
                score("api-score-0003", LOW, 0, "", "fatal.disclosure"));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("needs a comment"), r.body());
    }

    @Test
    void theBulletinAndReportExportAsCsvAndAsAPdfWithTheCjkFontEmbedded() {
        WebClient manager = as(Role.QUALITY_INSPECTOR);
        assertEquals(200, manager.postJson("/api/qa/scores",
                score("api-score-0004", FAULT, 0, "泄露户号", "fatal.disclosure")).statusCode());
        HttpResponse<byte[]> csv = manager.getBytes("/api/qa/bulletin.csv?day=" + day);
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF\"日期\""), text);
        assertTrue(text.contains(FAULT) && text.contains("泄露客户信息"), text);
        HttpResponse<byte[]> pdf = manager.getBytes("/api/qa/report.pdf?month=" + day.substring(0, 7));
        assertEquals(200, pdf.statusCode());
        String raw = new String(pdf.body(), StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("%PDF-"));
        assertTrue(raw.contains("NotoSansCJKsc") && raw.contains("/FontFile3"), "the CJK font is embedded");
        JsonNode report = WebClient.json(manager.get("/api/qa/report?month=" + day.substring(0, 7)));
        List<String> agents = new ArrayList<>();
        report.get("report").get("agents").forEach(a -> agents.add(a.get("agentId").asText()));
        assertTrue(agents.contains(TestBox.userFor(Role.AGENT)), agents.stream().collect(Collectors.joining(",")));
    }
}
