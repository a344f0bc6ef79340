package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.status.StatusView;
import io.branchbox.admin.users.Role;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Oversized, malformed and cross-site requests get a clear refusal, never a stack trace. */
class HostileInputTest {
    @TempDir
    Path dataDir;
    private TestBox box;
    private WebClient client;

    @BeforeEach
    void start() {
        box = new TestBox(dataDir);
        client = box.client();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @Test
    void securityHeadersComeWithPagesErrorsAndUnknownRoutes() {
        for (String path : List.of("/login", "/api/status", "/no/such/page")) {
            HttpResponse<String> response = client.get(path);
            var headers = response.headers();
            assertEquals("default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'none'; object-src 'none'",
                    headers.firstValue("Content-Security-Policy").orElse(""), path);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(""), path);
            assertFalse(headers.firstValue("Server").orElse("").contains("Jetty"), path);
        }
    }

    @Test
    void healthCheckSaysOnlyOk() {
        HttpResponse<String> response = client.get("/health-check");

        assertEquals(200, response.statusCode());
        assertEquals("{\"ok\":true}", response.body());
    }

    @Test
    void unknownRouteIs404WithJsonError() {
        HttpResponse<String> response = client.get("/api/nothing-here");

        assertEquals(404, response.statusCode());
        assertEquals("core.error.notFound", WebClient.json(response).get("code").asText());
        assertEquals("找不到所请求的内容。", WebClient.json(response).get("error").asText());
    }

    @Test
    void malformedJsonIs400WithAClearMessage() {
        HttpResponse<String> response = client.postJson("/login", "{\"username\": \"admin\", \"password\": ");

        assertEquals(400, response.statusCode());
        assertEquals("core.error.badShape", WebClient.json(response).get("code").asText());
    }

    @Test
    void missingFieldAndUnknownFieldAreNamed() {
        assertEquals("缺少必填字段“password”。",
                WebClient.json(client.postJson("/login", "{\"username\":\"admin\"}")).get("error").asText());
        assertEquals("请求中有未知字段“pasword”。",
                WebClient.json(client.postJson("/login", "{\"username\":\"admin\",\"pasword\":\"x\"}")).get("error").asText());
    }

    @Test
    void wrongContentTypeIs415() {
        HttpResponse<String> response = client.send(client.request("/login")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build());

        assertEquals(415, response.statusCode());
    }

    @Test
    void aTenMegabyteBodyIsRefusedOnEveryStateChangingRouteBeforeAnythingIsRead() {
        client.login(TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD);
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'a');
        int tried = 0;
        for (RouteSpec route : box.server.routes()) {
            if (route.method() == io.javalin.http.HandlerType.GET
                    || route.path().startsWith(io.branchbox.admin.prompts.PromptHandlers.UPLOAD_PREFIX)) {
                continue;
            }
            String path = route.path().replaceAll("\\{[A-Za-z]+}", "x");
            HttpResponse<String> r = client.send(client.request(path).header("Content-Type", "application/json")
                    .header(SecurityGuard.CSRF_HEADER, client.csrfToken())
                    .method(route.method().name(), HttpRequest.BodyPublishers.ofByteArray(tenMegabytes)).build());
            assertEquals(413, r.statusCode(), route.method() + " " + route.path());
            tried++;
        }
        assertTrue(tried > 20, "every POST and DELETE route: " + tried);
    }

    @Test
    void oversizedBodyIs413WhetherDeclaredOrChunked() {
        String huge = "{\"username\":\"" + "a".repeat(AdminConfig.DEFAULT_MAX_BODY_BYTES) + "\",\"password\":\"x\"}";

        HttpResponse<String> declared = client.postJson("/login", huge);
        HttpResponse<String> chunked = client.send(client.request("/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                .build());

        assertEquals(413, declared.statusCode());
        assertEquals(413, chunked.statusCode());
        assertEquals("core.error.tooLarge", WebClient.json(chunked).get("code").asText());
    }

    @Test
    void crossSitePostIsRefusedEvenToLogin() {
        HttpResponse<String> response = client.send(client.request("/login")
                .header("Content-Type", "application/json")
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"whatever\"}"))
                .build());

        assertEquals(403, response.statusCode());
        assertEquals("core.error.crossSite", WebClient.json(response).get("code").asText());
    }

    @Test
    void sameOriginPostIsAccepted() {
        HttpResponse<String> response = client.send(client.request("/login")
                .header("Content-Type", "application/json")
                .header("Origin", box.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"viewer-user\",\"password\":\"" + TestBox.PASSWORD + "\"}"))
                .build());

        assertEquals(200, response.statusCode());
    }

    @Test
    void postWithoutTheCsrfTokenIsRefused() {
        client.login(TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD);
        String newUser = "{\"username\":\"agent7\",\"password\":\"long enough password\",\"role\":\"AGENT\"}";
        client.forgetCsrfToken();

        HttpResponse<String> without = client.postJson("/api/users", newUser);

        assertEquals(403, without.statusCode());
        assertEquals("core.error.csrf", WebClient.json(without).get("code").asText());
        assertTrue(box.users.find("agent7").isEmpty());

        client.login(TestBox.userFor(Role.TECHNICIAN), TestBox.PASSWORD);
        assertEquals(201, client.postJson("/api/users", newUser).statusCode());
        assertTrue(box.users.find("agent7").orElseThrow().mustChangePassword());
    }

    @Test
    void failureInsideTheBoxIs500WithoutStackTrace() {
        box.status.failWith(new IllegalStateException("core exploded at io.branchbox.Core.line(Core.java:42)"));
        client.login(TestBox.userFor(Role.VIEWER), TestBox.PASSWORD);

        HttpResponse<String> response = client.get("/api/status");

        assertEquals(500, response.statusCode());
        assertEquals("{\"error\":\"盒子内部错误，请稍后再试；如反复出现请联系技术员。\",\"code\":\"core.error.internal\"}", response.body());
        assertFalse(response.body().contains("Core.java"));
    }

    @Test
    void statusSnapshotIsServedAsIsAfterRecovery() {
        box.status.set(StatusView.empty());
        client.login(TestBox.userFor(Role.VIEWER), TestBox.PASSWORD);

        assertEquals("unknown", WebClient.json(client.get("/api/status")).get("board").get("state").asText());
    }
}
