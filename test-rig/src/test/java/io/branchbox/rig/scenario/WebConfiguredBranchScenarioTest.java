package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchbox.admin.users.PasswordHasher;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.UserStore;
import io.branchbox.firmware.journal.CallEventTypes;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop over real parts: a technician saves a new IVR (a two-level menu), a new queue,
 * an agent's queues and office hours through the web admin's HTTP API while the box runs, and the
 * next simulated call follows them at once — keys 1 then 3 lead to the new queue and its only
 * agent is rung; then a holiday today sends the next caller to the night service. No restart.
 */
class WebConfiguredBranchScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "technician test password";

    @TempDir
    Path data;

    @Test
    void aCallFollowsTheConfigurationSavedOnTheWebAtOnce() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c)) {
            new UserStore(s.box.runtime().dataSource(), PasswordHasher.argon2id(), Clock.systemUTC())
                    .create("tech", PASSWORD, Role.TECHNICIAN, false);
            Web web = new Web("http://127.0.0.1:" + s.box.web().port());
            web.login("tech", PASSWORD);

            JsonNode current = web.get("/api/config");
            ObjectNode doc = (ObjectNode) current.get("document");
            ((ArrayNode) doc.get("queues")).add(JSON.valueToTree(ScenarioSite.queue("repair",
                    io.branchbox.firmware.config.BoxConfig.Strategy.LONGEST_IDLE)));
            ObjectNode agent4 = (ObjectNode) doc.get("agents").get(3);
            agent4.putArray("queues").add("repair");
            ObjectNode ivr = (ObjectNode) doc.get("ivr");
            ivr.put("entryMenu", "main");
            ArrayNode menus = ivr.putArray("menus");
            menus.add(menu("main", "1", step("MENU", "repair-menu"), "2", step("QUEUE", "other")));
            menus.add(menu("repair-menu", "3", step("QUEUE", "repair"), "4", step("QUEUE", "inquiry")));
            ObjectNode hours = (ObjectNode) doc.get("hours");
            ObjectNode always = hours.putArray("weekly").addObject();
            always.putArray("days").add("MONDAY").add("TUESDAY").add("WEDNESDAY").add("THURSDAY").add("FRIDAY")
                    .add("SATURDAY").add("SUNDAY");
            always.put("open", "00:00").put("close", "24:00");
            HttpResponse<String> saved = web.post("/api/config?baseRevision=" + current.get("revision").asLong(), doc);
            assertEquals(200, saved.statusCode(), saved.body());
            JsonNode plan = JSON.readTree(saved.body()).get("plan");
            assertTrue(plan.get("restart").isEmpty(), "all of it applies live: " + plan);

            ok(s.console().ready("agent4"));
            s.awaitAgent("agent4", "READY");
            s.call("13800000001", "95598", 1);
            String call = s.callIdOf("13800000001");
            Thread.sleep(900); // the greeting, then the main menu listens
            s.line(1).press("1");
            s.await("the main menu's key 1", e -> e.type().equals(CallEventTypes.CALL_IVR) && call.equals(e.callId())
                    && "MENU:repair-menu".equals(e.attr(CallEventTypes.STEP)));
            Thread.sleep(300);
            s.line(1).press("3");
            s.await("the sub-menu's key 3", e -> e.type().equals(CallEventTypes.CALL_IVR) && call.equals(e.callId())
                    && "QUEUE:repair".equals(e.attr(CallEventTypes.STEP)));
            assertEquals("repair", s.await(CallEventTypes.CALL_QUEUED, call).queue());
            assertEquals("agent4", s.offeredTo(call, 1), "the new queue's only agent is rung");

            // a holiday today (site time): the next caller gets the night service, still without a restart
            JsonNode now = web.get("/api/config");
            ObjectNode doc2 = (ObjectNode) now.get("document");
            ((ArrayNode) doc2.get("hours").get("holidays")).addObject()
                    .put("date", LocalDate.now(ZoneId.of(doc2.get("site").get("timezone").asText())).toString())
                    .put("name", "test holiday");
            assertEquals(200, web.post("/api/config?baseRevision=" + now.get("revision").asLong(), doc2).statusCode());
            s.call("13800000002", "95598", 2);
            String night = s.callIdOf("13800000002");
            assertEquals("CALLBACK", s.await(CallEventTypes.CALL_NIGHT, night).attr(CallEventTypes.ACTION));
        }
    }

    private static ObjectNode step(String action, String target) {
        return JSON.createObjectNode().put("action", action).put("target", target).put("priority", 0);
    }

    private static ObjectNode menu(String name, String k1, ObjectNode s1, String k2, ObjectNode s2) {
        ObjectNode m = JSON.createObjectNode().put("name", name).put("prompt", "main-menu").put("timeoutS", 5)
                .put("retries", 2).put("invalidPrompt", "invalid-choice");
        m.putObject("choices").set(k1, s1);
        ((ObjectNode) m.get("choices")).set(k2, s2);
        m.set("fallback", step("QUEUE", "inquiry"));
        return m;
    }

    /** A small client of the web admin: session cookie and CSRF token. */
    private static final class Web {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        private String csrf = "";

        Web(String base) {
            this.base = base;
        }

        void login(String user, String password) throws Exception {
            HttpResponse<String> r = post("/login", JSON.createObjectNode().put("username", user).put("password", password));
            assertEquals(200, r.statusCode(), r.body());
            csrf = get("/api/session").get("csrfToken").asText();
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return JSON.readTree(r.body());
        }

        HttpResponse<String> post(String path, JsonNode body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
