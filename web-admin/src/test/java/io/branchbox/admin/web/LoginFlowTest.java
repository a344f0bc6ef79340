package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.UserStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First login with the generated password, forced change, sessions, rate limiting. */
class LoginFlowTest {
    @TempDir
    Path dataDir;
    private TestBox box;

    @AfterEach
    void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    void initialAdminLogsInWithTheFilePasswordAndMustChangeItFirst() throws Exception {
        box = new TestBox(dataDir);
        Path file = dataDir.resolve(UserStore.INITIAL_PASSWORD_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        WebClient admin = box.client();

        HttpResponse<String> login = admin.login("admin", box.initialPassword());

        assertEquals(200, login.statusCode());
        JsonNode body = WebClient.json(login);
        assertTrue(body.get("mustChangePassword").asBoolean());
        assertEquals("/password", body.get("next").asText());
        assertEquals("/password", admin.get("/").headers().firstValue("Location").orElse(""));
        assertEquals("core.error.passwordChangeRequired", WebClient.json(admin.get("/api/status")).get("code").asText());
        assertEquals(200, admin.get("/password").statusCode());

        HttpResponse<String> change = admin.postJson("/api/password",
                "{\"currentPassword\":" + WebClient.quote(box.initialPassword())
                        + ",\"newPassword\":\"the technician's own passphrase\"}");

        assertEquals(200, change.statusCode());
        assertFalse(Files.exists(file), "initial password file is gone once it is useless");
        assertEquals(200, admin.get("/api/status").statusCode());
        assertEquals(200, admin.get("/").statusCode());
    }

    @Test
    void weakNewPasswordIsRefusedWithTheReason() {
        box = new TestBox(dataDir);
        WebClient admin = box.client();
        admin.login("admin", box.initialPassword());

        HttpResponse<String> change = admin.postJson("/api/password",
                "{\"currentPassword\":" + WebClient.quote(box.initialPassword()) + ",\"newPassword\":\"short\"}");

        assertEquals(400, change.statusCode());
        assertEquals("密码至少需要 12 个字符。", WebClient.json(change).get("error").asText());
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrictAndSecureWhenConfigured() {
        box = new TestBox(dataDir);
        String plain = setCookieOfLogin();
        box.close();
        box = new TestBox(dataDir.resolve("secure"), new AdminConfig("127.0.0.1", 0,
                AdminConfig.DEFAULT_MAX_BODY_BYTES, Duration.ofMinutes(30), Duration.ofHours(12), true));
        String secure = setCookieOfLogin();

        assertTrue(plain.startsWith("bbx_session="), plain);
        assertTrue(plain.contains("; HttpOnly"), plain);
        assertTrue(plain.contains("; SameSite=Strict"), plain);
        assertFalse(plain.contains("Secure"), "plain HTTP without a TLS proxy cannot keep a Secure cookie");
        assertTrue(secure.contains("; Secure"), secure);
    }

    @Test
    void wrongPasswordIs401AndTheSixthTryIs429EvenWithTheRightPassword() {
        box = new TestBox(dataDir);
        WebClient attacker = box.client();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = attacker.login("supervisor-user", "guess number " + i);
            assertEquals(401, response.statusCode());
            assertEquals("core.error.wrongLogin", WebClient.json(response).get("code").asText());
        }

        HttpResponse<String> limited = attacker.login("supervisor-user", TestBox.PASSWORD);

        assertEquals(429, limited.statusCode());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(limited.headers().firstValue("Set-Cookie").isEmpty(), "no session handed out");
    }

    @Test
    void unknownUserFailsLikeAWrongPassword() {
        box = new TestBox(dataDir);

        HttpResponse<String> response = box.client().login("nobody", "some password here");

        assertEquals(401, response.statusCode());
        assertEquals("core.error.wrongLogin", WebClient.json(response).get("code").asText());
    }

    @Test
    void formLoginLandsTheUserOnTheirRolesPageOrBackOnTheLoginPage() {
        box = new TestBox(dataDir);
        WebClient browser = box.client();

        HttpResponse<String> wrong = browser.send(form("username=agent-user&password=nope"));
        HttpResponse<String> right = browser.send(form("username=agent-user&password="
                + TestBox.PASSWORD.replace(' ', '+')));

        assertEquals(303, wrong.statusCode());
        assertEquals("/login?failed", wrong.headers().firstValue("Location").orElse(""));
        assertEquals(303, right.statusCode());
        assertEquals("/console", right.headers().firstValue("Location").orElse(""), "an agent lands on the console");
        assertEquals(200, browser.get("/api/status").statusCode());
    }

    @Test
    void logoutEndsTheSession() {
        box = new TestBox(dataDir);
        WebClient client = box.client();
        client.login("viewer-user", TestBox.PASSWORD);

        assertEquals(200, client.postJson("/logout", "{}").statusCode());

        assertEquals(401, client.get("/api/status").statusCode());
    }

    @Test
    void disablingAUserEndsTheirOpenSession() {
        box = new TestBox(dataDir);
        WebClient agent = box.client();
        agent.login(TestBox.userFor(Role.AGENT), TestBox.PASSWORD);
        WebClient tech = box.client();
        tech.login(TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD);
        assertEquals(200, agent.get("/api/status").statusCode());

        assertEquals(200, tech.postJson("/api/users/agent-user/disable", "{}").statusCode());

        assertEquals(401, agent.get("/api/status").statusCode());
        assertEquals(400, tech.postJson("/api/users/technician-user/disable", "{}").statusCode(),
                "nobody disables themselves out of the box");
    }

    private String setCookieOfLogin() {
        HttpResponse<String> login = box.client().postJson("/login",
                "{\"username\":\"viewer-user\",\"password\":\"" + TestBox.PASSWORD + "\"}");
        assertEquals(200, login.statusCode());
        return login.headers().firstValue("Set-Cookie").orElse("");
    }

    private HttpRequest form(String body) {
        return box.client().request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
