package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.Totp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A technician turns the second factor on; from then on a login needs the current code, once. */
class TotpLoginTest {
    @TempDir
    Path dataDir;
    private TestBox box;

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void aTechnicianWithTheSecondFactorNeedsTheCurrentCodeWhichWorksOnce() {
        box = new TestBox(dataDir);
        String tech = TestBox.userFor(Role.TECHNICIAN);
        WebClient setup = box.client();
        setup.login(tech, TestBox.PASSWORD);
        JsonNode offer = WebClient.json(setup.get("/api/me/totp"));
        String secret = offer.get("secret").asText();
        assertTrue(offer.get("uri").asText().startsWith("otpauth://totp/BranchBox:" + tech + "?secret="));

        String wrong = String.format("%06d", (Integer.parseInt(Totp.codeAt(secret, Instant.now())) + 1) % 1_000_000);
        assertEquals(400, setup.postJson("/api/me/totp", "{\"secret\":\"" + secret + "\",\"code\":\"" + wrong + "\"}")
                .statusCode(), "a code that does not match the key turns nothing on");
        assertTrue(!box.users.find(tech).orElseThrow().totpEnabled());
        assertEquals(200, setup.postJson("/api/me/totp", "{\"secret\":\"" + secret + "\",\"code\":\""
                + Totp.codeAt(secret, Instant.now()) + "\"}").statusCode());
        assertTrue(box.users.find(tech).orElseThrow().totpEnabled());

        HttpResponse<String> noCode = box.client().login(tech, TestBox.PASSWORD);
        assertEquals(401, noCode.statusCode());
        assertEquals("core.error.codeNeeded", WebClient.json(noCode).get("code").asText());

        WebClient phone = box.client();
        String code = Totp.codeAt(secret, Instant.now());
        HttpResponse<String> withCode = phone.send(phone.request("/login").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"" + tech + "\",\"password\":\""
                        + TestBox.PASSWORD + "\",\"code\":\"" + code + "\"}")).build());
        assertEquals(200, withCode.statusCode(), withCode.body());

        HttpResponse<String> replay = phone.send(phone.request("/login").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"" + tech + "\",\"password\":\""
                        + TestBox.PASSWORD + "\",\"code\":\"" + code + "\"}")).build());
        assertEquals(401, replay.statusCode(), "a code works once");
        assertEquals("core.error.wrongCode", WebClient.json(replay).get("code").asText());
    }

    @Test
    void theSecondFactorIsForTechnicians() {
        box = new TestBox(dataDir);
        WebClient agent = box.client();
        agent.login(TestBox.userFor(Role.AGENT), TestBox.PASSWORD);

        HttpResponse<String> r = agent.get("/api/me/totp");

        assertEquals(403, r.statusCode());
        assertEquals("core.error.totpNotForRole", WebClient.json(r).get("code").asText());
    }
}
