package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.users.Role;
import io.branchbox.firmware.recording.AccessLog;
import io.branchbox.firmware.recording.AlawWav;
import io.branchbox.firmware.recording.RecordingCatalog;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recordings API end to end over a real server, database and recordings directory. */
class RecordingsApiTest {
    private static final Instant STARTED = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minusSeconds(3600);

    /** Four stereo sample frames: caller left, agent right. */
    private static final byte[] SAMPLES = {
            (byte) 0xD5, (byte) 0x55, // frame 0: A-law +0 left, -0 right
            (byte) 0x80, (byte) 0x2A, // frame 1: +5504 left, -32256 right
            (byte) 0xD5, (byte) 0xD5, // frame 2: +8 both
            (byte) 0x55, (byte) 0x80, // frame 3: -8 left, +5504 right
    };
    /** What the browser gets for {@link #SAMPLES}: 16-bit little-endian, same order. */
    private static final byte[] PCM = {
            0x08, 0x00, (byte) 0xF8, (byte) 0xFF, // +8, -8
            (byte) 0x80, 0x15, 0x00, (byte) 0x82, // +5504, -32256
            0x08, 0x00, 0x08, 0x00,               // +8, +8
            (byte) 0xF8, (byte) 0xFF, (byte) 0x80, 0x15, // -8, +5504
    };

    @TempDir
    Path dataDir;
    private TestBox box;
    private WebClient supervisor;
    private byte[] wav;

    @BeforeEach
    void start() throws Exception {
        box = new TestBox(dataDir);
        supervisor = box.client();
        assertEquals(200, supervisor.login(TestBox.userFor(Role.SUPERVISOR), TestBox.PASSWORD).statusCode());
        wav = TestRecordings.wav(SAMPLES);
        addRecording("c1", "a7", "sales", "2026/03/02/c1.wav", wav);
        addRecording("c2", "a8", "support", "2026/03/02/c2.wav", wav);
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void listShowsTheRecentRecordingsNewestFirstAndSearchesByAgentQueueAndDate() {
        JsonNode all = WebClient.json(supervisor.get("/api/recordings"));
        JsonNode sales = WebClient.json(supervisor.get("/api/recordings?queue=sales"));
        JsonNode a8 = WebClient.json(supervisor.get("/api/recordings?agent=a8"));
        JsonNode longAgo = WebClient.json(supervisor.get("/api/recordings?from=2020-01-01&to=2020-01-31"));

        assertEquals(List.of("c2", "c1"), ids(all));
        JsonNode c1 = all.get("items").get(1);
        assertEquals("0301c1", c1.get("callerNumber").asText());
        assertEquals("a7", c1.get("agentId").asText());
        assertEquals("sales", c1.get("queue").asText());
        assertEquals(4000, c1.get("durationMs").asLong());
        assertEquals(STARTED.toString(), c1.get("startedAt").asText());
        assertTrue(c1.get("verifyStatus").isNull());
        assertEquals(false, c1.get("legalHold").asBoolean());
        assertEquals(List.of("c1"), ids(sales));
        assertEquals(List.of("c2"), ids(a8));
        assertEquals(List.of(), ids(longAgo));
        assertEquals(400, supervisor.get("/api/recordings?from=yesterday").statusCode());
    }

    @Test
    void theServerSearchesByCallerDigitsAndPagesWithTheTotal() {
        HttpResponse<String> first = supervisor.get("/api/recordings?caller=0301&limit=1");
        HttpResponse<String> second = supervisor.get("/api/recordings?caller=0301&limit=1&offset=1");

        assertEquals(List.of("c2"), ids(WebClient.json(first)));
        assertEquals(2, WebClient.json(first).get("total").asInt(), "n of N: N is every match");
        assertEquals(1, WebClient.json(second).get("offset").asInt());
        assertEquals(List.of("c1"), ids(WebClient.json(second)));
        assertEquals(0, WebClient.json(supervisor.get("/api/recordings?caller=139")).get("total").asInt());
        HttpResponse<String> wildcard = supervisor.get("/api/recordings?caller=%25");
        assertEquals(400, wildcard.statusCode());
        assertEquals("core.error.caller", WebClient.json(wildcard).get("code").asText());
        assertEquals("按来电号码查询时只能输入数字（0-9、* 和 #）。", WebClient.json(wildcard).get("error").asText());
        assertEquals(400, supervisor.get("/api/recordings?offset=-1").statusCode());
        assertEquals("core.error.paging", WebClient.json(supervisor.get("/api/recordings?limit=501")).get("code").asText());
    }

    @Test
    void listenStreamsPcmForTheBrowserAndIsLoggedFirst() throws Exception {
        HttpResponse<byte[]> r = supervisor.getBytes("/api/recordings/c1/audio");

        assertEquals(200, r.statusCode());
        assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElse(""));
        byte[] body = r.body();
        assertEquals(44 + PCM.length, body.length);
        assertEquals(String.valueOf(body.length), r.headers().firstValue("Content-Length").orElse(""));
        assertArrayEquals(PCM, java.util.Arrays.copyOfRange(body, 44, body.length));
        assertEquals("RIFF", new String(body, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of("supervisor-user LISTEN 2026/03/02/c1.wav"), log("c1"));
    }

    @Test
    void downloadIsTheOriginalAlawFileAndIsLogged() throws Exception {
        HttpResponse<byte[]> r = supervisor.getBytes("/api/recordings/c1/download");

        assertEquals(200, r.statusCode());
        assertArrayEquals(wav, r.body());
        assertEquals("attachment; filename=\"c1.wav\"", r.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals(List.of("supervisor-user DOWNLOAD 2026/03/02/c1.wav"), log("c1"));
    }

    @Test
    void exportIsTheEvidenceZipAndIsLogged() throws Exception {
        HttpResponse<byte[]> r = supervisor.getBytes("/api/recordings/c1/export");

        assertEquals(200, r.statusCode());
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
        Map<String, byte[]> entries = unzip(r.body());
        assertEquals(List.of("c1.wav", "call-record.json", "c1.wav.sha256", "verification.txt"), List.copyOf(entries.keySet()));
        assertArrayEquals(wav, entries.get("c1.wav"));
        assertEquals(sha256(wav) + "  c1.wav\n", new String(entries.get("c1.wav.sha256"), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(List.of("supervisor-user EXPORT c1.wav"), log("c1"));
    }

    @Test
    void refusedExportIsAJsonErrorAndStillLogged() throws Exception {
        Files.write(box.recordings.resolve("2026/03/02/c2.wav"), new byte[AlawWav.HEADER_BYTES]);

        HttpResponse<String> r = supervisor.get("/api/recordings/c2/export");

        assertEquals(409, r.statusCode());
        assertEquals("recordings.error.export.CHANGED", WebClient.json(r).get("code").asText());
        assertEquals("通话 c2 的录音与校验值不符，不能作为证据导出。", WebClient.json(r).get("error").asText(),
                "in the user's language (Chinese by default), not the recorder's English");
        assertEquals(List.of("supervisor-user EXPORT refused: CHANGED"), log("c2"));
    }

    @Test
    void legalHoldNeedsTheCsrfTokenAndIsLogged() throws Exception {
        HttpResponse<String> ok = supervisor.postJson("/api/recordings/c1/hold", "{}");
        assertEquals(200, ok.statusCode());
        assertTrue(new RecordingCatalog(box.dataSource, box.recordings).find("c1").orElseThrow().legalHold());
        assertTrue(WebClient.json(supervisor.get("/api/recordings?queue=sales")).get("items").get(0).get("legalHold").asBoolean());

        supervisor.forgetCsrfToken();
        HttpResponse<String> forged = supervisor.postJson("/api/recordings/c1/release", "{}");
        assertEquals(403, forged.statusCode());
        assertTrue(new RecordingCatalog(box.dataSource, box.recordings).find("c1").orElseThrow().legalHold());
        assertEquals(List.of("supervisor-user HOLD null"), log("c1"));
        JsonNode access = WebClient.json(supervisor.get("/api/recordings/c1/access"));
        assertEquals("HOLD", access.get(0).get("action").asText());
        assertEquals("supervisor-user", access.get(0).get("user").asText());
    }

    @Test
    void accessThatCannotBeLoggedDoesNotHappen() throws Exception {
        try (Connection c = box.dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("ALTER TABLE recording_access RENAME TO recording_access_gone");
        }

        HttpResponse<byte[]> listen = supervisor.getBytes("/api/recordings/c1/audio");
        HttpResponse<byte[]> download = supervisor.getBytes("/api/recordings/c1/download");

        assertEquals(500, listen.statusCode());
        assertEquals(500, download.statusCode());
        assertTrue(new String(listen.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"error\""),
                "an error, not audio");
    }

    @Test
    void callIdsThatAreNotFileNamesAndFilesOutsideTheDirectoryAreRefused() throws Exception {
        Path outside = dataDir.resolve("secret.wav");
        Files.write(outside, wav);
        addRecording("escape", "a7", "sales", "../secret.wav", wav);

        assertEquals(400, supervisor.get("/api/recordings/.hidden/download").statusCode());
        assertEquals(400, supervisor.get("/api/recordings/" + "x".repeat(200) + "/audio").statusCode());
        assertNotEquals(200, supervisor.get("/api/recordings/..%2F..%2Fsecret/download").statusCode());
        assertNotEquals(200, supervisor.get("/api/recordings/%2e%2e/download").statusCode());
        assertEquals(409, supervisor.get("/api/recordings/escape/download").statusCode());
        assertEquals(404, supervisor.get("/api/recordings/nobody/audio").statusCode());
        assertEquals(List.of(), log("escape"), "nothing was served, so nothing was logged");
    }

    private void addRecording(String callId, String agent, String queue, String file, byte[] content) throws Exception {
        TestRecordings.add(box, callId, agent, queue, file, content, callId.equals("c2") ? STARTED.plusSeconds(60) : STARTED);
    }

    private List<String> log(String callId) throws Exception {
        List<String> out = new ArrayList<>();
        for (AccessLog.Entry e : new AccessLog(box.dataSource, Clock.systemUTC()).forCall(callId)) {
            out.add(e.user() + " " + e.action() + " " + e.detail());
        }
        return out;
    }

    /** The call ids of a page in the list envelope. */
    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(r -> out.add(r.get("callId").asText()));
        return out;
    }

    private static String sha256(byte[] b) throws Exception {
        return TestRecordings.sha256(b);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
