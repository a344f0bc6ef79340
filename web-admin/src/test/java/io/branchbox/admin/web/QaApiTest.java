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
        JsonNode before = WebClient.json(inspector.get("/api/qa/forms?limit=1"));
        JsonNode factory = before.get("items").get(0);
        int formsBefore = before.get("total").asInt(); // other tests of this class may have defined forms
        com.fasterxml.jackson.databind.node.ObjectNode complaint = factory.deepCopy();
        complaint.put("id", "complaint-api-test");
        HttpResponse<String> defined = inspector.postJson("/api/qa/forms", complaint.toString());
        assertEquals(201, defined.statusCode(), defined.body());
        JsonNode forms = WebClient.json(inspector.get("/api/qa/forms?offset=0&limit=1"));
        assertEquals(formsBefore + 1, forms.get("total").asInt(), forms.toString());
        assertEquals("hotline-95598", forms.get("items").get(0).get("id").asText());
        assertEquals("complaint-api-test", WebClient.json(inspector.get("/api/qa/forms?offset=" + formsBefore + "&limit=1"))
                .get("items").get(0).get("id").asText());
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
                if (s.get("average").isNull()) { // a shift without scored calls: no data, never 0 points
                    assertEquals(0, s.get("scored").asInt());
                    assertEquals("无数据", shifts.get(i + 1).getCellAsString(3).orElseThrow());
                } else {
                    assertEquals(0, BigDecimal.valueOf(s.get("average").asDouble()).compareTo(number(shifts.get(i + 1), 3)));
                }
            }
        }
    }

    /**
     * The form editor's save: a form with mistakes is refused with each mistake at its field
     * (422, the catalogue key) and nothing saved; a good one is the next version, with who and when
     * in the history; the factory form is there to start from; an agent may not define forms.
     */
    @Test
    void aFormWithMistakesIsRefusedFieldByFieldAndAGoodOneIsTheNextVersionWithWhoAndWhen() {
        WebClient manager = as(Role.QUALITY_INSPECTOR);
        JsonNode factory = WebClient.json(manager.get("/api/qa/form-factory"));
        assertEquals("hotline-95598", factory.get("id").asText());
        com.fasterxml.jackson.databind.node.ObjectNode form = factory.deepCopy();
        form.put("id", "editor-api-test");
        assertEquals(201, manager.postJson("/api/qa/forms", form.toString()).statusCode());

        com.fasterxml.jackson.databind.node.ObjectNode bad = form.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode item = (com.fasterxml.jackson.databind.node.ObjectNode)
                bad.get("sections").get(1).get("items").get(0);
        item.put("points", 0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("sections").get(2).get("items").get(1)).put("nameZh", " ");
        HttpResponse<String> refused = manager.postJson("/api/qa/forms", bad.toString());
        assertEquals(422, refused.statusCode(), refused.body());
        List<String> errors = new ArrayList<>();
        WebClient.json(refused).get("errors").forEach(e -> errors.add(e.get("path").asText() + " " + e.get("code").asText()));
        assertEquals(List.of("sections.1.items.0.points qa.formErr.itemPoints", "sections.2.items.1.text qa.formErr.itemText"),
                errors);
        JsonNode history = WebClient.json(manager.get("/api/qa/form-history/editor-api-test"));
        assertEquals(1, history.get("total").asInt(), "nothing saved: " + history);

        item.put("points", 12);
        ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("sections").get(2).get("items").get(1)).put("nameZh", "工单准确");
        HttpResponse<String> saved = manager.postJson("/api/qa/forms", bad.toString());
        assertEquals(201, saved.statusCode(), saved.body());
        assertEquals(2, WebClient.json(saved).get("version").asInt());
        history = WebClient.json(manager.get("/api/qa/form-history/editor-api-test"));
        assertEquals(2, history.get("total").asInt());
        JsonNode newest = history.get("items").get(0);
        assertEquals(2, newest.get("version").asInt(), "newest first");
        assertEquals(102, newest.get("maxPoints").asInt());
        assertEquals(TestBox.userFor(Role.QUALITY_INSPECTOR), newest.get("by").asText());
        assertTrue(Instant.parse(newest.get("at").asText()).isAfter(Instant.now().minusSeconds(600)), newest.toString());
        assertEquals(10, WebClient.json(manager.get("/api/qa/forms/editor-api-test/1")).get("sections").get(1)
                .get("items").get(0).get("points").asInt(), "version 1 is still there as it was");

        WebClient agent = as(Role.AGENT);
        assertEquals(403, agent.postJson("/api/qa/forms", form.toString()).statusCode(), "an agent may not define forms");
        assertEquals(403, agent.get("/api/qa/form-history/editor-api-test").statusCode());
    }

    /**
     * A month with no agent-answered call has nothing planned: its completion is "no data" (null in
     * the API, 无数据 in every file), never 100 % (issue 16's rule); a day with no scored call has
     * no average, not 0 points. Each file is read back.
     */
    @Test
    void aMonthWithoutAnsweredCallsShowsNoDataInTheApiAndEveryExportNever100Percent() throws Exception {
        WebClient manager = as(Role.QUALITY_INSPECTOR);
        String month = "2020-02";
        JsonNode c = WebClient.json(manager.get("/api/qa/report?month=" + month)).get("completion");
        assertEquals(0, c.get("planned").asInt());
        assertTrue(c.get("percent").isNull(), "no figure: " + c);
        assertTrue(WebClient.json(manager.get("/api/qa/plan?month=" + month)).get("completion").get("percent").isNull());

        String csv = new String(manager.getBytes("/api/qa/report.csv?month=" + month).body(), StandardCharsets.UTF_8);
        String completionLine = csv.lines().filter(l -> l.contains("质检完成率")).findFirst().orElseThrow();
        assertTrue(completionLine.contains("\"无数据\"") && !completionLine.contains("%"), completionLine);

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(
                manager.getBytes("/api/qa/report.xlsx?month=" + month).body()))) {
            Row row = wb.findSheet("质检完成率").orElseThrow().read().get(1);
            assertEquals(0, number(row, 2).intValueExact());
            assertEquals(CellType.STRING, row.getCell(4).getType());
            assertEquals("无数据", row.getCellAsString(4).orElseThrow());
        }
        String reportPdf = pdfText(manager.getBytes("/api/qa/report.pdf?month=" + month).body());
        assertTrue(reportPdf.contains("质检完成率 无数据") && !reportPdf.contains("100"), reportPdf);

        String emptyDay = "2020-02-10";
        JsonNode bulletin = WebClient.json(manager.get("/api/qa/bulletin?day=" + emptyDay));
        bulletin.get("shifts").forEach(s -> assertTrue(s.get("average").isNull(), "no average: " + s));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(
                manager.getBytes("/api/qa/bulletin.xlsx?day=" + emptyDay).body()))) {
            List<Row> shifts = wb.findSheet("班次").orElseThrow().read();
            assertEquals(bulletin.get("shifts").size() + 1, shifts.size());
            shifts.stream().skip(1).forEach(r -> assertEquals("无数据", r.getCellAsString(3).orElseThrow()));
        }
        String bulletinPdf = pdfText(manager.getBytes("/api/qa/bulletin.pdf?day=" + emptyDay).body());
        assertTrue(bulletinPdf.contains("平均 无数据") && !bulletinPdf.contains("平均 0"), bulletinPdf);
    }

    /** The text of every page of a PDF, read back with OpenPDF's own extractor. */
    private static String pdfText(byte[] pdf) throws Exception {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            com.lowagie.text.pdf.parser.PdfTextExtractor x = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder out = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                out.append(x.getTextFromPage(p)).append('\n');
            }
            return out.toString();
        } finally {
            reader.close();
        }
    }

    /** A cell that must be a number cell (not text that looks like one). */
    private static BigDecimal number(Row r, int column) {
        assertEquals(CellType.NUMBER, r.getCell(column).getType(), "column " + column + " of row " + r.getRowNum());
        return r.getCellAsNumber(column).orElseThrow();
    }
}
