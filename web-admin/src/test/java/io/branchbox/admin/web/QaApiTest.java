package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.users.Role;
import io.branchbox.firmware.config.ShiftCalendar;
import io.branchbox.firmware.qa.QaEventTypes;
import io.branchbox.firmware.qa.form.FactoryForms;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
    private static final String SHEET = "20261207-102000-0005";

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
        box.call(SHEET, "agent2", 3, started.plusSeconds(240));
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
        assertEquals(403, inspector.get("/api/config").statusCode(), "an inspector listens and scores but does not configure");
        assertEquals(403, inspector.postJson("/api/console/monitor", "{\"agentId\":\"agent2\",\"mode\":\"BARGE\"}").statusCode(),
                "an inspector only listens, through QA: no whisper or barge");
        assertEquals(403, as(Role.SHIFT_LEAD).get("/api/qa/disputes/" + OTHER + "/audio").statusCode(),
                "a shift lead hears only a disputed call");
    }

    @Test
    void theSamplePlanTheLiveCallsAndTheFormsComeOnePageAtATimeInTheListEnvelope() {
        WebClient inspector = as(Role.QUALITY_INSPECTOR);
        String month = day.substring(0, 7);
        HttpResponse<String> drawn = inspector.postJson("/api/qa/plan/draw?limit=1", "{\"month\":\"" + month
                + "\",\"targets\":[{\"kind\":\"TARGET_AGENT\",\"value\":\"agent2\",\"count\":3}]}");
        assertEquals(200, drawn.statusCode(), drawn.body());
        assertEquals(1, WebClient.json(drawn).get("items").size(), "the draw answers the plan's first page");
        JsonNode first = WebClient.json(inspector.get("/api/qa/plan?month=" + month + "&offset=0&limit=1"));
        int total = first.get("total").asInt();
        assertTrue(total >= 2, "agent2's three calls are drawn: " + first);
        assertEquals(1, first.get("items").size());
        assertTrue(first.get("completion").has("percent"), "the month's figures beside the page: " + first);
        assertTrue(first.get("agents").isArray() && first.get("shifts").isArray(), first.toString());
        JsonNode second = WebClient.json(inspector.get("/api/qa/plan?month=" + month + "&offset=1&limit=1"));
        assertEquals(total, second.get("total").asInt());
        assertTrue(!first.get("items").get(0).get("callId").equals(second.get("items").get(0).get("callId")),
                "the second page holds the next sample: " + second);
        assertEquals(400, inspector.get("/api/qa/plan?month=" + month + "&limit=501").statusCode(), "a page too large");

        // two agents talking now: one live call a page
        box.box.console.offer(TestBox.userFor(Role.AGENT), io.branchbox.admin.console.FakeAgentConsole.sampleCall());
        box.box.console.offer("zhao", io.branchbox.admin.console.FakeAgentConsole.sampleCall());
        JsonNode live = WebClient.json(inspector.get("/api/qa/live?offset=0&limit=1"));
        assertEquals(2, live.get("total").asInt(), live.toString());
        assertEquals(1, live.get("items").size());
        assertTrue(live.has("seat") && live.has("listenerId"), "the inspector's seat beside the page: " + live);
        JsonNode liveNext = WebClient.json(inspector.get("/api/qa/live?offset=1&limit=1"));
        assertTrue(!live.get("items").get(0).get("agentId").equals(liveNext.get("items").get(0).get("agentId")),
                "the second page holds the other agent: " + liveNext);

        // a second form: the factory form stays first (the one the page scores with)
        JsonNode factory = WebClient.json(inspector.get("/api/qa/forms?limit=1")).get("items").get(0);
        com.fasterxml.jackson.databind.node.ObjectNode complaint = factory.deepCopy();
        complaint.put("id", "complaint-api-test");
        HttpResponse<String> defined = inspector.postJson("/api/qa/forms", complaint.toString());
        assertEquals(201, defined.statusCode(), defined.body());
        JsonNode forms = WebClient.json(inspector.get("/api/qa/forms?offset=0&limit=1"));
        assertEquals(2, forms.get("total").asInt(), forms.toString());
        assertEquals("hotline-95598", forms.get("items").get(0).get("id").asText());
        assertEquals("complaint-api-test",
                WebClient.json(inspector.get("/api/qa/forms?offset=1&limit=1")).get("items").get(0).get("id").asText());
    }

    @Test
    void aLowScoreWithoutCommentIsRefusedWithTheReason() {
        HttpResponse<String> r = as(Role.QUALITY_INSPECTOR).postJson("/api/qa/scores",
                score("api-score-0003", LOW, 0, "", "fatal.disclosure"));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("needs a comment"), r.body());
    }

    @Test
    void theBulletinAndReportExportAsCsvAndAsAPdfWithTheCjkFontEmbeddedOrAClearRefusalWithoutIt() {
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
        String before = System.getProperty("branchbox.cjkFont");
        System.setProperty("branchbox.cjkFont", dataDir.resolve("no-such-font.ttc") + ",2");
        try {
            HttpResponse<byte[]> refused = manager.getBytes("/api/qa/report.pdf?month=" + day.substring(0, 7));
            assertEquals(503, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Disposition").isEmpty(), "a refusal is never saved as the PDF");
            assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("fonts-noto-cjk"));
        } finally {
            if (before == null) {
                System.clearProperty("branchbox.cjkFont");
            } else {
                System.setProperty("branchbox.cjkFont", before);
            }
        }
        JsonNode report = WebClient.json(manager.get("/api/qa/report?month=" + day.substring(0, 7)));
        List<String> agents = new ArrayList<>();
        report.get("report").get("agents").forEach(a -> agents.add(a.get("agentId").asText()));
        assertTrue(agents.contains(TestBox.userFor(Role.AGENT)), agents.stream().collect(Collectors.joining(",")));
    }

    @Test
    void theXlsxBulletinAndReportHoldTheSameNumbersAsTheReportsThemselves() throws Exception {
        WebClient manager = as(Role.QUALITY_INSPECTOR);
        assertEquals(200, manager.postJson("/api/qa/scores", score("api-score-0005", SHEET, 15, "")).statusCode());
        String month = day.substring(0, 7);

        JsonNode report = WebClient.json(manager.get("/api/qa/report?month=" + month));
        HttpResponse<byte[]> xlsx = manager.getBytes("/api/qa/report.xlsx?month=" + month);
        assertEquals(200, xlsx.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().firstValue("Content-Type").orElse(""));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> rows = wb.findSheet("坐席月报").orElseThrow().read();
            assertEquals("平均分", rows.get(0).getCellAsString(3).orElseThrow());
            Map<String, Row> byAgent = new HashMap<>();
            rows.stream().skip(1).forEach(r -> byAgent.put(r.getCellAsString(1).orElseThrow(), r));
            JsonNode agents = report.get("report").get("agents");
            assertEquals(agents.size(), byAgent.size());
            assertTrue(agents.size() >= 1);
            for (JsonNode a : agents) {
                Row r = byAgent.get(a.get("agentId").asText());
                assertEquals(a.get("scored").asInt(), number(r, 2).intValueExact(), "scored calls of " + a);
                assertEquals(0, BigDecimal.valueOf(a.get("average").asDouble()).compareTo(number(r, 3)), "average of " + a);
                assertEquals(a.get("min").asInt(), number(r, 4).intValueExact());
                assertEquals(a.get("max").asInt(), number(r, 5).intValueExact());
            }
            Row completion = wb.findSheet("质检完成率").orElseThrow().read().get(1);
            JsonNode c = report.get("completion");
            assertEquals(c.get("answered").asInt(), number(completion, 1).intValueExact());
            assertEquals(c.get("planned").asInt(), number(completion, 2).intValueExact());
            assertEquals(c.get("scored").asInt(), number(completion, 3).intValueExact());
            assertEquals(0, BigDecimal.valueOf(c.get("percent").asDouble()).compareTo(number(completion, 4)));
        }

        JsonNode bulletin = WebClient.json(manager.get("/api/qa/bulletin?day=" + day));
        HttpResponse<byte[]> bx = manager.getBytes("/api/qa/bulletin.xlsx?day=" + day);
        assertEquals(200, bx.statusCode());
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bx.body()))) {
            Map<String, BigDecimal> totals = new HashMap<>();
            wb.findSheet("质检日报").orElseThrow().read().stream().skip(1)
                    .forEach(r -> totals.put(r.getCellAsString(3).orElseThrow(), number(r, 5)));
            Map<String, Integer> expected = new HashMap<>();
            for (JsonNode s : bulletin.get("shifts")) {
                for (String part : List.of("praise", "faults")) {
                    s.get(part).forEach(e -> expected.put(e.get("callId").asText(), e.get("total").asInt()));
                }
            }
            assertTrue(expected.containsKey(SHEET), "the 95-point call is praised: " + expected);
            assertEquals(expected.keySet(), totals.keySet());
            expected.forEach((call, total) -> assertEquals(total, totals.get(call).intValueExact(), call));
            List<Row> shifts = wb.findSheet("班次").orElseThrow().read();
            assertEquals(bulletin.get("shifts").size(), shifts.size() - 1);
            for (int i = 0; i < bulletin.get("shifts").size(); i++) {
                JsonNode s = bulletin.get("shifts").get(i);
                assertEquals(s.get("scored").asInt(), number(shifts.get(i + 1), 2).intValueExact());
                assertEquals(0, BigDecimal.valueOf(s.get("average").asDouble()).compareTo(number(shifts.get(i + 1), 3)));
            }
        }
    }

    /** A cell that must be a number cell (not text that looks like one). */
    private static BigDecimal number(Row r, int column) {
        assertEquals(CellType.NUMBER, r.getCell(column).getType(), "column " + column + " of row " + r.getRowNum());
        return r.getCellAsNumber(column).orElseThrow();
    }
}
