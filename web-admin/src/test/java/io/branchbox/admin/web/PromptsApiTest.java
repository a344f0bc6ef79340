package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.users.Role;
import io.branchbox.firmware.audio.G711;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prompts API end to end over a real server and prompt directory. */
class PromptsApiTest {
    /** Canonical header of a 16-bit PCM stereo 44.1 kHz WAV; the data size is patched in. */
    private static final byte[] PCM16_STEREO_44K_HEADER = {
            'R', 'I', 'F', 'F',             // chunk id
            0, 0, 0, 0,                     // riff size, patched
            'W', 'A', 'V', 'E',             // form type
            'f', 'm', 't', ' ',             // fmt chunk
            16, 0, 0, 0,                    // fmt size 16
            1, 0,                           // PCM
            2, 0,                           // 2 channels
            0x44, (byte) 0xAC, 0, 0,        // 44100 Hz
            0x10, (byte) 0xB1, 0x02, 0,     // 176400 bytes/s
            4, 0,                           // block align 4
            16, 0,                          // 16 bits
            'd', 'a', 't', 'a',             // data chunk
            0, 0, 0, 0,                     // data size, patched
    };

    @TempDir
    Path dataDir;
    private TestBox box;
    private final Map<Role, WebClient> clients = new HashMap<>();

    @BeforeEach
    void start() {
        box = new TestBox(dataDir);
        for (Role role : Role.values()) {
            WebClient c = box.client();
            assertEquals(200, c.login(TestBox.userFor(role), TestBox.PASSWORD).statusCode());
            clients.put(role, c);
        }
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aTechnicianUploadsACommonWavAndCallersHearItAtOnce() {
        byte[] before = box.prompts.get("greeting");
        HttpResponse<String> r = upload(Role.TECHNICIAN, "/api/prompts/site/greeting", tone(44_100, 1.5));

        assertEquals(200, r.statusCode(), r.body());
        JsonNode saved = WebClient.json(r);
        assertEquals("16-bit PCM, 44100 Hz, 2 channels, 1.5 s", saved.get("source").asText());
        assertEquals(1500, saved.get("durationMs").asLong());
        assertEquals(12_000, box.prompts.get("greeting").length, "the live library serves the new prompt");
        assertFalse(java.util.Arrays.equals(before, box.prompts.get("greeting")));
        assertTrue(Files.isRegularFile(dataDir.resolve("prompts/site/greeting.wav")));
    }

    @Test
    void theListShowsWhichPromptsTheSetHasOfItsOwn() {
        upload(Role.TECHNICIAN, "/api/prompts/site/night-message", tone(8000, 1.0));

        JsonNode list = WebClient.json(clients.get(Role.TECHNICIAN).get("/api/prompts?limit=500"));

        assertEquals("site", list.get("set").asText());
        assertEquals("site", list.get("activeSet").asText());
        assertEquals("[\"zh-cn\",\"default\",\"site\"]", list.get("sets").toString());
        Map<String, JsonNode> rows = new HashMap<>();
        list.get("items").forEach(p -> rows.put(p.get("name").asText(), p));
        assertEquals("site", rows.get("night-message").get("origin").asText());
        assertEquals(1000, rows.get("night-message").get("durationMs").asLong());
        assertTrue(rows.get("greeting").get("builtIn").asBoolean());
        JsonNode builtIn = WebClient.json(clients.get(Role.TECHNICIAN).get("/api/prompts?set=zh-cn"));
        assertEquals(list.get("total").asInt() - 1, builtIn.get("total").asInt());
        JsonNode second = WebClient.json(clients.get(Role.TECHNICIAN).get("/api/prompts?offset=1&limit=1"));
        assertEquals(list.get("items").get(1).get("name"), second.get("items").get(0).get("name"), "one page of the same list");
        assertEquals(list.get("total"), second.get("total"), "n of N: N is the whole set");
    }

    @Test
    void listeningGivesTheBrowserSixteenBitPcm() {
        upload(Role.TECHNICIAN, "/api/prompts/site/beep", tone(8000, 0.5));
        byte[] alaw = box.prompts.resolve("site", "beep").orElseThrow();

        HttpResponse<byte[]> r = clients.get(Role.TECHNICIAN).getBytes("/api/prompts/site/beep.wav");

        assertEquals(200, r.statusCode());
        assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElse(""));
        ByteBuffer b = ByteBuffer.wrap(r.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(44 + 2 * alaw.length, r.body().length);
        assertEquals(1, b.getShort(20), "PCM");
        assertEquals(1, b.getShort(22), "mono");
        assertEquals(8000, b.getInt(24));
        assertEquals(16, b.getShort(34));
        assertEquals(G711.alawToLinear(alaw[100]), b.getShort(44 + 200));
        assertEquals(200, clients.get(Role.TECHNICIAN).getBytes("/api/prompts/default/greeting.wav").statusCode());
        assertEquals(404, clients.get(Role.TECHNICIAN).getBytes("/api/prompts/site/no-such.wav").statusCode());
    }

    @Test
    void deletingASitePromptBringsBackTheBuiltInOne() {
        byte[] builtIn = box.prompts.get("closed");
        upload(Role.TECHNICIAN, "/api/prompts/site/closed", tone(16_000, 1.0));

        assertEquals(200, delete(Role.TECHNICIAN, "/api/prompts/site/closed").statusCode());
        assertArrayEquals(builtIn, box.prompts.get("closed"));
        HttpResponse<String> again = delete(Role.TECHNICIAN, "/api/prompts/site/closed");
        assertEquals(404, again.statusCode());
    }

    @Test
    void theBuiltInSetCannotBeChanged() {
        HttpResponse<String> up = upload(Role.TECHNICIAN, "/api/prompts/default/greeting", tone(8000, 1.0));
        HttpResponse<String> del = delete(Role.TECHNICIAN, "/api/prompts/default/greeting");

        assertEquals(409, up.statusCode());
        assertEquals("prompts.error.readOnly", WebClient.json(up).get("code").asText());
        assertTrue(WebClient.json(up).get("error").asText().contains("内置语音集不能修改"));
        assertEquals(409, del.statusCode());
    }

    @Test
    void recordingByPhoneIsForTechniciansAndSaysWhenTheBoxCannot() {
        WebClient tech = clients.get(Role.TECHNICIAN);
        assertEquals(403, clients.get(Role.SUPERVISOR).postJson("/api/prompts/site/greeting/record?seat=1", "{}").statusCode());
        assertEquals(400, tech.postJson("/api/prompts/site/greeting/record?seat=99", "{}").statusCode());
        assertEquals(400, tech.postJson("/api/prompts/site/greeting/record", "{}").statusCode(), "no seat");
        // this test box has no telephony behind its prompt library: clearly unavailable, nothing written
        HttpResponse<String> r = tech.postJson("/api/prompts/site/greeting/record?seat=1", "{}");
        assertEquals(503, r.statusCode(), r.body());
        assertEquals(503, tech.postJson("/api/prompt-recording/1/stop", "{}").statusCode());
        assertFalse(Files.exists(dataDir.resolve("prompts/site")));
    }

    @Test
    void onlyTechniciansListAndChange() {
        for (Role role : new Role[] {Role.VIEWER, Role.AGENT, Role.SUPERVISOR, Role.DIRECTOR, Role.QUALITY_INSPECTOR}) {
            assertEquals(403, upload(role, "/api/prompts/site/greeting", tone(8000, 1.0)).statusCode(), role.name());
            assertEquals(403, delete(role, "/api/prompts/site/greeting").statusCode(), role.name());
        }
        assertEquals(403, clients.get(Role.AGENT).get("/api/prompts").statusCode());
        assertEquals(200, clients.get(Role.TECHNICIAN).get("/api/prompts").statusCode());
        assertFalse(Files.exists(dataDir.resolve("prompts/site")));
    }

    @Test
    void hostileNamesAreRefusedAndNothingIsWrittenOutsideTheSets() throws Exception {
        for (String path : new String[] {"/api/prompts/site/..%2F..%2Fetc", "/api/prompts/%2E%2E/x",
                "/api/prompts/site/Greeting", "/api/prompts/site/a.b", "/api/prompts/Site_A/x",
                "/api/prompts/site/" + "a".repeat(41), "/api/prompts/site/x%00"}) {
            int status = upload(Role.TECHNICIAN, path, tone(8000, 0.5)).statusCode();
            assertTrue(status == 400 || status == 404, path + " -> " + status);
        }
        assertEquals(400, clients.get(Role.TECHNICIAN).get("/api/prompts?set=../etc").statusCode());
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".wav")), "no file written");
        }
    }

    @Test
    void aFileThatIsNotAUsableWavGetsTheConvertersReason() {
        HttpResponse<String> notWav = upload(Role.TECHNICIAN, "/api/prompts/site/greeting", "ID3 an mp3".getBytes());
        byte[] silent = tone(8000, 0.5);
        java.util.Arrays.fill(silent, PCM16_STEREO_44K_HEADER.length, silent.length, (byte) 0);
        HttpResponse<String> quiet = upload(Role.TECHNICIAN, "/api/prompts/site/greeting", silent);
        HttpResponse<String> empty = upload(Role.TECHNICIAN, "/api/prompts/site/greeting", new byte[0]);

        assertEquals(400, notWav.statusCode());
        // the converter's reason as a stable code, in the user's language (Chinese by default)
        assertEquals("prompts.error.audio.NOT_WAV", WebClient.json(notWav).get("code").asText());
        assertEquals("不是 WAV 文件。", WebClient.json(notWav).get("error").asText());
        assertEquals(400, quiet.statusCode());
        assertEquals("prompts.error.audio.EMPTY", WebClient.json(quiet).get("code").asText());
        assertEquals(400, empty.statusCode());
    }

    @Test
    void anUploadAboveTheLimitIsRefusedFromItsDeclaredLength() {
        WebClient tech = clients.get(Role.TECHNICIAN);
        byte[] big = new byte[io.branchbox.admin.prompts.PromptHandlers.MAX_UPLOAD_BYTES + 1];
        HttpRequest request = tech.request("/api/prompts/site/greeting").expectContinue(true)
                .header(SecurityGuard.CSRF_HEADER, tech.csrfToken()).header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();

        HttpResponse<String> r = tech.send(request);

        assertEquals(413, r.statusCode());
        assertEquals("文件超过 20 MB。", WebClient.json(r).get("error").asText());
        assertEquals("prompts.error.tooLarge", WebClient.json(r).get("code").asText());
    }

    @Test
    void otherRequestsKeepTheSmallBodyLimit() {
        WebClient tech = clients.get(Role.TECHNICIAN);
        HttpResponse<String> r = tech.postJson("/api/users", "{\"x\":\"" + "a".repeat(20_000) + "\"}");

        assertEquals(413, r.statusCode());
    }

    @Test
    void multipartIsRefusedWithWhatToSendInstead() {
        WebClient tech = clients.get(Role.TECHNICIAN);
        HttpResponse<String> r = tech.send(tech.request("/api/prompts/site/greeting")
                .header(SecurityGuard.CSRF_HEADER, tech.csrfToken())
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tone(8000, 0.5))).build());

        assertEquals(415, r.statusCode());
    }

    private HttpResponse<String> upload(Role role, String path, byte[] wav) {
        WebClient c = clients.get(role);
        return c.send(c.request(path).header(SecurityGuard.CSRF_HEADER, c.csrfToken())
                .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build());
    }

    private HttpResponse<String> delete(Role role, String path) {
        WebClient c = clients.get(role);
        return c.send(c.request(path).header(SecurityGuard.CSRF_HEADER, c.csrfToken()).DELETE().build());
    }

    /** A 16-bit stereo WAV at {@code rate} (with the 44.1 kHz header's layout) of a 440 Hz tone at -6 dBFS. */
    private static byte[] tone(int rate, double seconds) {
        int frames = (int) Math.round(rate * seconds);
        ByteBuffer b = ByteBuffer.allocate(PCM16_STEREO_44K_HEADER.length + 4 * frames).order(ByteOrder.LITTLE_ENDIAN);
        b.put(PCM16_STEREO_44K_HEADER);
        b.putInt(4, b.capacity() - 8).putInt(24, rate).putInt(28, rate * 4).putInt(40, 4 * frames);
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(16384 * Math.sin(2 * Math.PI * 440 * i / rate));
            b.putShort(s).putShort(s);
        }
        return b.array();
    }
}
