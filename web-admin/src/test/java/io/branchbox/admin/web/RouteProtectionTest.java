package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.admin.users.Role;
import io.javalin.http.HandlerType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the whole route table: nothing is reachable anonymously, and no route admits a role that
 * lacks the route's permission (one user per role, so each role is tried alone).
 */
class RouteProtectionTest {
    @TempDir
    static Path dataDir;
    private static TestBox box;
    private static final Map<Role, WebClient> CLIENTS = new HashMap<>();

    @BeforeAll
    static void start() {
        box = new TestBox(dataDir);
        for (Role role : Role.values()) {
            WebClient client = box.client();
            assertEquals(200, client.login(TestBox.userFor(role), TestBox.PASSWORD).statusCode());
            CLIENTS.put(role, client);
        }
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    @Test
    void onlyTheLoginPageItsAssetsTheMessagesAndTheHealthCheckArePublic() {
        Set<String> publicRoutes = box.server.routes().stream()
                .filter(r -> r.access() instanceof Access.Public)
                .map(r -> r.method() + " " + r.path())
                .collect(Collectors.toSet());

        assertEquals(Set.of("GET /health-check", "GET /login", "POST /login", "GET /assets/style.css",
                "GET /assets/login.js", "GET /assets/i18n.js", "GET /assets/pico.min.css", "GET /assets/error.js",
                "GET /api/i18n/{lang}"), publicRoutes);
    }

    @Test
    void everyOtherRouteSendsAnonymousPagesToLoginAndRefusesAnonymousApiCalls() {
        WebClient anonymous = box.client();
        for (RouteSpec route : box.server.routes()) {
            if (route.access() instanceof Access.Public) {
                continue;
            }
            HttpResponse<String> response = anonymous.send(requestFor(anonymous, route));
            String name = route.method() + " " + route.path();
            if (route.isPage()) {
                assertEquals(302, response.statusCode(), name);
                assertEquals("/login", response.headers().firstValue("Location").orElse(""), name);
            } else {
                assertEquals(401, response.statusCode(), name);
                assertEquals("core.error.unauthorized", WebClient.json(response).get("code").asText(), name);
            }
        }
    }

    @Test
    void everyRouteRefusesEveryRoleWithoutItsPermissionAndAdmitsTheOthers() {
        int refusals = 0;
        for (RouteSpec route : box.server.routes()) {
            if (route.access() instanceof Access.Public) {
                continue;
            }
            for (Role role : Role.values()) {
                WebClient client = CLIENTS.get(role);
                HttpResponse<String> response = client.send(requestFor(client, route));
                String name = role + " -> " + route.method() + " " + route.path();
                switch (route.access()) {
                    case Access.Permitted permitted -> {
                        if (role.permissions().contains(permitted.permission())) {
                            assertNotEquals(401, response.statusCode(), name);
                            assertFalse(response.body().contains(SecurityGuard.MISSING_PERMISSION), name + ": " + response.body());
                        } else {
                            assertEquals(403, response.statusCode(), name);
                            assertEquals(SecurityGuard.MISSING_PERMISSION, WebClient.json(response).get("code").asText(), name);
                            assertTrue(WebClient.json(response).get("error").asText().contains(permitted.permission().name()), name);
                            refusals++;
                        }
                    }
                    case Access.SignedIn s -> {
                        assertNotEquals(401, response.statusCode(), name);
                        assertFalse(response.body().contains(SecurityGuard.MISSING_PERMISSION), name);
                    }
                    case Access.Public p -> throw new IllegalStateException("skipped above");
                }
            }
        }
        assertTrue(refusals > 100, "the table has many routes to refuse: " + refusals);
    }

    @Test
    void onlyWhatEveryPageNeedsIsOpenToEverySignedInUser() {
        Set<String> signedIn = box.server.routes().stream()
                .filter(r -> r.access() instanceof Access.SignedIn)
                .map(r -> r.method() + " " + r.path())
                .collect(Collectors.toSet());

        for (String route : signedIn) {
            assertFalse(route.contains("/api/") && !route.startsWith("GET /api/session") && !route.contains("/api/i18n")
                    && !route.contains("/api/password") && !route.contains("/api/me") && !route.contains("/api/events"),
                    "no data behind a plain login: " + route);
        }
    }

    @Test
    void recordingsNeedTheirOwnPermissionSoATechnicianDoesNotHearCustomers() {
        java.util.List<RouteSpec> recordings = box.server.routes().stream()
                .filter(r -> r.path().contains("recordings")).toList();

        assertEquals(9, recordings.size());
        for (RouteSpec route : recordings) {
            String name = route.method() + " " + route.path();
            Access.Permitted access = (Access.Permitted) route.access();
            assertTrue(access.permission().name().startsWith("RECORDINGS_"), name);
            for (Role role : new Role[] {Role.TECHNICIAN, Role.AGENT, Role.VIEWER, Role.DIRECTOR, Role.SHIFT_LEAD}) {
                WebClient client = CLIENTS.get(role);
                HttpResponse<String> response = client.send(requestFor(client, route));
                assertEquals(403, response.statusCode(), role + " -> " + name);
            }
        }
    }

    @Test
    void viewerAskingForTheUserListIsForbidden() {
        HttpResponse<String> response = CLIENTS.get(Role.VIEWER).get("/api/users");

        assertEquals(403, response.statusCode());
        assertEquals("您没有使用此功能的权限（需要：USERS_MANAGE）。", WebClient.json(response).get("error").asText(),
                "in the user's language, Chinese by default");
    }

    /**
     * A harmless request for the route: empty JSON bodies and a user that does not exist. Logout
     * goes with a wrong CSRF token so that the shared session survives the role check.
     */
    private static HttpRequest requestFor(WebClient client, RouteSpec route) {
        String path = route.path().replace("{username}", "nobody").replace("{callId}", "nobody")
                .replace("{span}", "0").replace("{timeslot}", "5").replace("{port}", "0")
                .replace("{name}", "fxo0-20260101-000000.wav").replace("{set}", "site").replace("{seat}", "1").replace("{revision}", "1")
                .replace("{number}", "1001").replace("{id}", "H1")
                .replace("{formId}", "hotline-95598").replace("{version}", "1").replace("{agentId}", "nobody")
                .replace("{lang}", "en") + (route.path().equals("/api/events") ? "?once" : "");
        HttpRequest.Builder b = client.request(path);
        if (route.method() == HandlerType.POST || route.method() == HandlerType.DELETE) {
            b.header(SecurityGuard.CSRF_HEADER, route.path().equals("/logout") ? "wrong" : client.csrfToken());
        }
        return switch (route.method()) {
            case GET -> b.GET().build();
            case DELETE -> b.DELETE().build();
            case POST -> b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            default -> throw new IllegalStateException("test does not know method " + route.method());
        };
    }
}
