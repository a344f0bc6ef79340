package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.status.FakeStatusSource;
import io.branchbox.admin.users.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON the status page depends on: field names and nesting are a contract with status.js. */
class StatusApiTest {
    @TempDir
    Path dataDir;
    private TestBox box;
    private JsonNode status;

    @BeforeEach
    void fetch() {
        box = new TestBox(dataDir);
        WebClient viewer = box.client();
        viewer.login(TestBox.userFor(Role.VIEWER), TestBox.PASSWORD);
        var response = viewer.get("/api/status");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        status = WebClient.json(response);
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void topLevelHasEveryPart() {
        assertEquals(List.of("board", "spans", "calls", "queues", "agents", "recording", "uplink",
                "uptimeSeconds", "versions", "takenAtEpochMs", "alarms"), names(status));
        // each alarm with its code, severity, the engine's line and since when (box clock, epoch ms)
        assertEquals(List.of("code", "severity", "text", "sinceEpochMs"), names(status.get("alarms").get(0)));
        assertEquals("E1_SPAN2_ALARM", status.get("alarms").get(0).get("code").asText());
        assertEquals(1_767_222_000_000L, status.get("alarms").get(0).get("sinceEpochMs").asLong());
    }

    @Test
    void boardAndSpans() {
        JsonNode board = status.get("board");
        assertEquals(List.of("state", "reason", "serial", "firmware", "counters"), names(board));
        assertEquals(FakeStatusSource.SERIAL, board.get("serial").asText());
        assertTrue(board.get("reason").isNull());
        assertEquals(3, board.get("counters").get("crcErrors").asLong());

        JsonNode span2 = status.get("spans").get(1);
        assertEquals(List.of("id", "configured", "alarms", "layer2Up", "channelsBusy", "channelsIdle",
                "channelsBlocked", "refusalsByCause"), names(span2));
        assertEquals(2, status.get("spans").get(0).get("refusalsByCause").get("44").asInt());
        assertEquals("LOS", span2.get("alarms").get(0).asText());
        assertEquals(30, span2.get("channelsBlocked").asInt());
    }

    @Test
    void callsQueuesAgents() {
        assertEquals(List.of("callId", "trunk", "callerNumber", "state", "queue", "agent", "sinceEpochMs"),
                names(status.get("calls").get(0)));
        assertTrue(status.get("calls").get(0).get("agent").isNull());
        assertEquals(List.of("name", "waiting", "longestWaitSeconds", "offeredToday", "answeredToday", "abandonedToday",
                "serviceLevelPercent"), names(status.get("queues").get(0)));
        assertEquals(12, status.get("queues").get(0).get("longestWaitSeconds").asLong());
        assertEquals(List.of("id", "name", "seat", "state", "sinceEpochMs"), names(status.get("agents").get(0)));
        assertEquals("Li Wei", status.get("agents").get(0).get("name").asText());
    }

    @Test
    void recordingUplinkUptimeVersions() {
        assertEquals(List.of("healthy", "coverageTodayPercent", "freeStorageBytes"), names(status.get("recording")));
        assertEquals(99.5, status.get("recording").get("coverageTodayPercent").asDouble());
        assertEquals(List.of("state", "queued"), names(status.get("uplink")));
        assertEquals("connected", status.get("uplink").get("state").asText());
        assertEquals(3600, status.get("uptimeSeconds").asLong());
        assertEquals("0.1.0", status.get("versions").get("firmware").asText());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
