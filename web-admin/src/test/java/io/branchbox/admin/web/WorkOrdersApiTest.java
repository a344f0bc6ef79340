package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.users.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The work-order API over a real server and real work orders in virtual time. */
class WorkOrdersApiTest {
    private static final String AGENT = TestBox.userFor(Role.AGENT);

    @TempDir
    Path dataDir;
    private TestBox box;
    private WorkOrderFixture wo;

    @BeforeEach
    void start() {
        box = new TestBox(dataDir);
        wo = new WorkOrderFixture(box);
    }

    @AfterEach
    void stop() throws Exception {
        box.close();
        wo.close();
    }

    private WebClient as(String user) {
        WebClient c = box.client();
        assertEquals(200, c.login(user, TestBox.PASSWORD).statusCode());
        return c;
    }

    private static final String REPAIR = """
            {"kind":"REPAIR","source":"CALL","callId":"20261207-090000-0001","callerNumber":"13800138000",
             "callerName":"=HYPERLINK(\\"x\\")","address":"城关镇解放路12号","area":"TOWN","summary":"停电",
             "submission":"s-1"}""";

    @Test
    void anAgentOpensARepairTheCrewReportsWithItsPinAndEveryStageIsOnRecord() {
        WebClient agent = as(AGENT);
        HttpResponse<String> created = agent.postJson("/api/workorders", REPAIR);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("1001", WebClient.json(created).get("number").asText());
        assertEquals(AGENT, WebClient.json(created).get("owner").asText());
        assertEquals(201, agent.postJson("/api/workorders", REPAIR).statusCode(), "a retried submission");
        assertEquals(1, WebClient.json(agent.get("/api/workorders")).get("items").size(), "recorded once");

        HttpResponse<String> skipped = agent.postJson("/api/workorders/1001/stages", "{\"stage\":\"CALLBACK\",\"outcome\":\"NO_ANSWER\"}");
        assertEquals(409, skipped.statusCode());
        assertEquals("STAGE_NOT_ALLOWED", WebClient.json(skipped).get("code").asText());
        assertEquals(404, agent.postJson("/api/workorders/999/stages", "{\"stage\":\"DISPATCH\",\"crew\":\"31\"}").statusCode());
        assertEquals(400, agent.postJson("/api/workorders/1001/stages", "{\"stage\":\"JUMP\"}").statusCode());

        wo.time.advance(Duration.ofMinutes(4));
        assertEquals(200, agent.postJson("/api/workorders/1001/stages", "{\"stage\":\"DISPATCH\",\"crew\":\"31\"}").statusCode());
        wo.time.advance(Duration.ofMinutes(20));
        HttpResponse<String> wrongPin = agent.postJson("/api/workorders/crew-report",
                "{\"crew\":\"31\",\"pin\":\"0000\",\"order\":\"1001\",\"stage\":\"ARRIVE\"}");
        assertEquals(403, wrongPin.statusCode());
        HttpResponse<String> arrived = agent.postJson("/api/workorders/crew-report",
                "{\"crew\":\"31\",\"pin\":\"2468\",\"order\":\"1001\",\"stage\":\"ARRIVE\"}");
        assertEquals(200, arrived.statusCode(), arrived.body());
        JsonNode o = WebClient.json(arrived);
        assertEquals("ON_SITE", o.get("status").asText());
        assertEquals("CREW", o.get("stages").get(2).get("role").asText());
        assertEquals(400, agent.postJson("/api/workorders/crew-report",
                "{\"crew\":\"31\",\"pin\":\"2468\",\"order\":\"1001\",\"stage\":\"DISPATCH\"}").statusCode(),
                "a crew reports only arrival and completion");

        // repaired: the order is due for a callback, on the callback list's first page (the list envelope)
        assertEquals(0, WebClient.json(agent.get("/api/workorders/callbacks")).get("total").asInt());
        wo.time.advance(Duration.ofMinutes(40));
        HttpResponse<String> completed = agent.postJson("/api/workorders/crew-report",
                "{\"crew\":\"31\",\"pin\":\"2468\",\"order\":\"1001\",\"stage\":\"COMPLETE\"}");
        assertEquals(200, completed.statusCode(), completed.body());
        JsonNode due = WebClient.json(agent.get("/api/workorders/callbacks?offset=0&limit=1"));
        assertEquals(1, due.get("total").asInt(), due.toString());
        assertEquals("1001", due.get("items").get(0).get("number").asText());
        assertEquals(0, WebClient.json(agent.get("/api/workorders/callbacks?offset=1&limit=1")).get("items").size());
    }

    @Test
    void lateOrdersAreFoundAndExportedAndTheCsvIsSafeInASpreadsheet() {
        WebClient agent = as(AGENT);
        agent.postJson("/api/workorders", REPAIR);
        assertEquals(0, WebClient.json(agent.get("/api/workorders?late=true")).get("total").asInt());
        wo.time.advance(Duration.ofMinutes(11));
        JsonNode late = WebClient.json(agent.get("/api/workorders?late=true")).get("items");
        assertEquals(1, late.size());
        assertEquals("DISPATCH", late.get(0).get("dueStage").asText());
        assertEquals(0, WebClient.json(agent.get("/api/workorders?caller=139")).get("total").asInt());

        HttpResponse<String> csv = agent.get("/api/workorders/export.csv?late=true");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("number,kind,status"), csv.body());
        assertTrue(csv.body().contains("\"'=HYPERLINK(\"\"x\"\")\""), "a formula is defused: " + csv.body());
        assertEquals(1, WebClient.json(as("agent1").get("/api/workorders/late")).size(), "the wallboard's list");
        String pushed = as("agent1").eventsOnce();
        assertTrue(pushed.contains("event: lateOrders") || pushed.contains("event:lateOrders"), pushed);
        assertTrue(pushed.contains("\"number\":\"1001\""), "the wallboard's list is pushed: " + pushed);
        String agentGot = as(AGENT).eventsOnce();
        assertTrue(agentGot.contains("clock"), "the agent's stream is open: " + agentGot);
        assertFalse(agentGot.contains("lateOrders"), "not to an agent without the wallboard: " + agentGot);
        assertEquals(403, as(TestBox.userFor(Role.VIEWER)).get("/api/workorders").statusCode());
    }

    @Test
    void aVoicemailIsInTheInboxLateAfterAnHourAndHandledOnce() throws Exception {
        wo.journal.append("call.started", "20261207-090500-0003", null, null, java.util.Map.of("calling", "13700000003"));
        wo.journal.append("call.voicemail", "20261207-090500-0003", null, "repair",
                java.util.Map.of("file", "x.wav", "durationMs", "9000"));
        wo.journal.flush();
        WebClient agent = as(AGENT);
        JsonNode page = WebClient.json(agent.get("/api/voicemails"));
        assertEquals(1, page.get("total").asInt(), "the list envelope of every list (admin.http.Paging)");
        JsonNode inbox = page.get("items");
        assertEquals(1, inbox.size());
        assertEquals("13700000003", inbox.get(0).get("caller").asText());
        assertTrue(inbox.get(0).get("open").asBoolean());
        wo.time.advance(Duration.ofMinutes(61));
        assertTrue(WebClient.json(agent.get("/api/voicemails")).get("items").get(0).get("late").asBoolean());
        JsonNode past = WebClient.json(agent.get("/api/voicemails?offset=1&limit=1"));
        assertEquals(0, past.get("items").size(), "a page past the end is empty");
        assertEquals(1, past.get("total").asInt(), "with the true total");
        HttpResponse<String> handled = agent.postJson("/api/voicemails/20261207-090500-0003/handled", "{\"outcome\":\"DONE\"}");
        assertEquals(200, handled.statusCode(), handled.body());
        assertEquals(AGENT, WebClient.json(handled).get("handledBy").asText());
        assertEquals(400, agent.postJson("/api/voicemails/20261207-090500-0003/handled", "{\"outcome\":\"LATER\"}").statusCode());
    }

    @Test
    void theMorningLeadWritesTheHandoverAndTheEveningLeadAcknowledgesIt() {
        as(AGENT).postJson("/api/workorders", REPAIR);
        wo.time.advance(Duration.ofHours(8).plusMinutes(20)); // 17:20
        WebClient lead1 = as("agent1");
        JsonNode h = WebClient.json(lead1.get("/api/handovers"));
        assertEquals("2026-12-07/morning", h.get("draft").get("fromShift").asText());
        assertEquals("1001", h.get("draft").get("orders").get(0).asText());
        assertEquals(403, as(AGENT).postJson("/api/handovers", "{\"notes\":\"x\"}").statusCode(), "agents do not hand over");
        HttpResponse<String> written = lead1.postJson("/api/handovers", "{\"notes\":\"1001 待派工\",\"submission\":\"h\"}");
        assertEquals(201, written.statusCode(), written.body());
        String id = WebClient.json(written).get("id").asText();

        wo.time.advance(Duration.ofMinutes(15)); // 17:35, evening
        assertEquals(409, lead1.postJson("/api/handovers/" + id + "/ack", "{}").statusCode(), "not the arriving lead");
        HttpResponse<String> acked = as("agent3").postJson("/api/handovers/" + id + "/ack", "{}");
        assertEquals(200, acked.statusCode(), acked.body());
        assertEquals("agent3", WebClient.json(acked).get("ackBy").asText());
        assertEquals("2026-12-07/evening", WebClient.json(lead1.get("/api/workorders/1001")).get("shift").asText());
    }

    @Test
    void aLeadCorrectsAStageAsANewEventOnceAnAgentMayNot() {
        JsonNode order = WebClient.json(as(AGENT).postJson("/api/workorders", REPAIR));
        long accepted = order.get("stages").get(0).get("seq").asLong();
        wo.time.advance(Duration.ofMinutes(1));
        String body = "{\"ref\":" + accepted + ",\"text\":\"地址应为解放路21号\",\"submission\":\"c-1\"}";
        assertEquals(403, as(AGENT).postJson("/api/workorders/1001/corrections", body).statusCode());
        WebClient lead = as("agent1");
        HttpResponse<String> corrected = lead.postJson("/api/workorders/1001/corrections", body);
        assertEquals(200, corrected.statusCode(), corrected.body());
        assertEquals(200, lead.postJson("/api/workorders/1001/corrections", body).statusCode(), "a retried click");
        JsonNode o = WebClient.json(lead.get("/api/workorders/1001"));
        assertEquals(1, o.get("corrections").size(), "one correction for one submission");
        assertEquals(accepted, o.get("corrections").get(0).get("ref").asLong());
        assertEquals("城关镇解放路12号", o.get("address").asText(), "the stage stays as entered");
        assertEquals(409, lead.postJson("/api/workorders/1001/corrections", "{\"ref\":99999,\"text\":\"x\"}").statusCode());
    }
}
