package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.users.Role;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration API over HTTP, with hostile input: every problem at once by path, stale
 * saves refused, big bodies refused, nothing half-saved, never a 500.
 */
class ConfigApiTest {
    @TempDir
    Path dataDir;
    private TestBox box;
    private WebClient tech;

    @BeforeEach
    void start() {
        box = new TestBox(dataDir);
        tech = box.client();
        assertEquals(200, tech.login(TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD).statusCode());
    }

    @AfterEach
    void stop() {
        box.close();
    }

    private String factory() {
        return ConfigDocuments.toJson(ConfigDocuments.defaults());
    }

    private List<String> paths(JsonNode errors) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.get("path").asText()));
        return out;
    }

    @Test
    void aSavedChangeIsANewRevisionAppliedLiveAndAudited() throws Exception {
        JsonNode current = WebClient.json(tech.get("/api/config"));
        assertEquals(1, current.get("revision").asLong());
        String edited = factory().replace("\"retentionDays\" : 183", "\"retentionDays\" : 90");
        HttpResponse<String> saved = tech.postJson("/api/config?baseRevision=1", edited);
        assertEquals(200, saved.statusCode(), saved.body());
        JsonNode body = WebClient.json(saved);
        assertEquals(2, body.get("revision").asLong());
        assertEquals("recording.retentionDays", body.get("changes").get(0).get("path").asText());
        assertEquals("recording", body.get("plan").get("live").get(0).asText());
        assertEquals(90, ConfigDocuments.read(box.configFile).recording().retentionDays());
        assertEquals(90, box.applied.get(0).recording().retentionDays());

        JsonNode revisions = WebClient.json(tech.get("/api/config/revisions"));
        JsonNode last = revisions.get("items").get(0);
        assertEquals(TestBox.userFor(Role.TECHNICIAN), last.get("user").asText());
        assertEquals("183", last.get("changes").get(0).get("before").asText());
        assertEquals("90", last.get("changes").get(0).get("after").asText());
        JsonNode diff = WebClient.json(tech.get("/api/config/diff?from=1&to=2"));
        assertEquals(1, diff.get("changes").size());
    }

    @Test
    void aStaleRevisionIsRefusedAsSomeoneElsesChange() throws Exception {
        String a = factory().replace("\"retentionDays\" : 183", "\"retentionDays\" : 90");
        String b = factory().replace("\"retentionDays\" : 183", "\"retentionDays\" : 30");
        assertEquals(200, tech.postJson("/api/config?baseRevision=1", a).statusCode());
        HttpResponse<String> late = tech.postJson("/api/config?baseRevision=1", b);
        assertEquals(409, late.statusCode());
        assertEquals("config.err.stale", WebClient.json(late).get("code").asText());
        assertTrue(WebClient.json(late).get("error").asText().startsWith("someone else changed"));
        assertEquals(90, ConfigDocuments.read(box.configFile).recording().retentionDays(), "the other change stays");
    }

    @Test
    void everyProblemComesAtOnceByPathAndNothingIsSaved() throws Exception {
        String before = Files.readString(box.configFile);
        String bad = factory().replace("\"retentionDays\" : 183", "\"retentionDays\" : \"lots\"")
                .replace("\"siteId\" : \"site-1\"", "\"siteId\" : \"site-1\", \"sitId\" : \"x\"")
                .replaceFirst("\"offerTimeoutS\" : 12", "\"offerTimeoutS\" : 99999")
                .replace("\"port\" : 8080", "\"port\" : 8080, \"port\" : 8081");
        HttpResponse<String> r = tech.postJson("/api/config?baseRevision=1", bad);
        assertEquals(422, r.statusCode(), r.body());
        List<String> p = paths(WebClient.json(r).get("errors"));
        assertTrue(p.containsAll(List.of("recording.retentionDays", "site.sitId", "web.port")), p.toString());
        assertEquals(before, Files.readString(box.configFile));
        assertTrue(box.applied.isEmpty());
        for (JsonNode e : WebClient.json(r).get("errors")) {
            assertFalse(e.get("message").asText().contains("FAIL_ON"), e.toString());
            assertTrue(e.get("code").asText().startsWith("config.err."), e.toString());
        }
        // a value problem (after the shape is right) is named beside its field with code and args
        String range = factory().replaceFirst("\"offerTimeoutS\" : 12", "\"offerTimeoutS\" : 99999");
        JsonNode check = WebClient.json(tech.postJson("/api/config/check", range));
        assertFalse(check.get("ok").asBoolean());
        JsonNode e = check.get("errors").get(0);
        assertEquals("queues[0].offerTimeoutS", e.get("path").asText());
        assertEquals("config.err.range", e.get("code").asText());
        assertEquals("99999", e.get("args").get(0).asText());
    }

    @Test
    void hostileBodiesGetAClearAnswerNeverA500() {
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> huge = tech.send(tech.request("/api/config?baseRevision=1")
                .header("Content-Type", "application/json").header(SecurityGuard.CSRF_HEADER, tech.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
        assertEquals(413, huge.statusCode());
        HttpResponse<String> binary = tech.send(tech.request("/api/config/check")
                .header("Content-Type", "application/json").header(SecurityGuard.CSRF_HEADER, tech.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff}))
                .build());
        assertEquals("config.err.binary", WebClient.json(binary).get("errors").get(0).get("code").asText());
        assertEquals("config.err.empty", WebClient.json(tech.postJson("/api/config/check", "")).get("errors").get(0)
                .get("code").asText());
        assertEquals("config.err.notObject", WebClient.json(tech.postJson("/api/config/check", "null")).get("errors")
                .get(0).get("code").asText());
        assertEquals(400, tech.postJson("/api/config?baseRevision=abc", factory()).statusCode());
        assertEquals(400, tech.postJson("/api/config", factory()).statusCode());
        assertEquals(400, tech.get("/api/config/revisions/..%2F..%2Fbox").statusCode());
        assertEquals(404, tech.get("/api/config/revisions/999").statusCode());
        assertEquals(404, tech.postJson("/api/config/revisions/999/rollback?baseRevision=1", "{}").statusCode());
    }

    @Test
    void aScriptInATextFieldIsStoredAsTextAndComesBackAsJsonText() throws Exception {
        String script = "<script>alert(1)</script>";
        String doc = factory().replace("\"Branch hotline\"", WebClient.quote(script));
        assertEquals(200, tech.postJson("/api/config?baseRevision=1", doc).statusCode());
        HttpResponse<String> back = tech.get("/api/config");
        assertTrue(back.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(script, WebClient.json(back).get("document").get("site").get("name").asText());
        // a script where an identifier belongs is a validation problem, not stored
        String asId = factory().replace("\"agent1\"", WebClient.quote(script));
        JsonNode r = WebClient.json(tech.postJson("/api/config/check", asId));
        assertTrue(paths(r.get("errors")).contains("agents[0].id"), r.toString());
    }

    @Test
    void aRollbackRestoresThePreviousRevisionAsANewOne() throws Exception {
        String edited = factory().replace("\"retentionDays\" : 183", "\"retentionDays\" : 90");
        assertEquals(200, tech.postJson("/api/config?baseRevision=1", edited).statusCode());
        HttpResponse<String> stale = tech.postJson("/api/config/revisions/1/rollback?baseRevision=1", "{}");
        assertEquals(409, stale.statusCode());
        HttpResponse<String> r = tech.postJson("/api/config/revisions/1/rollback?baseRevision=2", "{}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(3, WebClient.json(r).get("revision").asLong());
        BoxConfig live = ConfigDocuments.read(box.configFile);
        assertEquals(183, live.recording().retentionDays());
        assertEquals(3, live.revision());
        assertEquals("ROLLBACK", WebClient.json(tech.get("/api/config/revisions")).get("items").get(0).get("action")
                .asText());
    }

    @Test
    void aChangeThatNeedsARestartSaysSoAndTheRestartIsOffered() {
        // 8443 is the factory HTTPS port: HTTP may not take it
        HttpResponse<String> clash = tech.postJson("/api/config/check", factory().replace("\"port\" : 8080", "\"port\" : 8443"));
        JsonNode e = WebClient.json(clash).get("errors").get(0);
        assertEquals("web.https.port", e.get("path").asText());
        assertEquals("config.err.samePort", e.get("code").asText());
        assertEquals("8443", e.get("args").get(0).asText());
        String edited = factory().replace("\"port\" : 8080", "\"port\" : 8081");
        JsonNode r = WebClient.json(tech.postJson("/api/config?baseRevision=1", edited));
        assertEquals("web", r.get("plan").get("restart").get(0).asText());
        assertEquals("web", r.get("pendingRestart").get(0).asText());
        assertEquals(202, tech.postJson("/api/config/restart", "{}").statusCode());
        assertEquals(List.of(TestBox.userFor(Role.TECHNICIAN)), box.restarts);
    }

    @Test
    void theUplinkTestAnswersWithACodeAndRefusesNonsense() {
        JsonNode r = WebClient.json(tech.postJson("/api/config/uplink-test",
                ConfigDocuments.toTree(ConfigDocuments.defaults()).get("uplink").toString()));
        assertFalse(r.get("ok").asBoolean());
        assertEquals("config.uplink.unreachable", r.get("code").asText());
        assertEquals(400, tech.postJson("/api/config/uplink-test", "{\"serverUri\":\"file:///etc/passwd\"}").statusCode());
        assertEquals(400, tech.postJson("/api/config/uplink-test", "{\"nonsense\":1}").statusCode());
    }

    @Test
    void aSupervisorMayNotSaveAndAViewerMayNotRead() {
        WebClient viewer = box.client();
        viewer.login(TestBox.userFor(Role.VIEWER), TestBox.PASSWORD);
        assertEquals(403, viewer.get("/api/config").statusCode());
        assertEquals(403, viewer.postJson("/api/config?baseRevision=1", factory()).statusCode());
    }

    @Test
    void theSharedCatalogueServesTheConfigurationTextsInBothLanguages() {
        assertEquals("队列与策略", WebClient.json(tech.get("/api/i18n/zh-CN")).get("config.section.queues").asText());
        assertEquals("Queues and strategies", WebClient.json(tech.get("/api/i18n/en"))
                .get("config.section.queues").asText());
    }
}
