package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.admin.prompts.PromptHandlers;
import io.branchbox.admin.users.Role;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import io.branchbox.testkit.Gen;
import io.branchbox.testkit.Tries;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every route of the admin that takes a body, fed what a broken client or an attacker sends:
 * {@code null}, wrong types for the API's real field names, unknown fields, duplicated keys,
 * documents as deep and as large as the body limit allows (and beyond it), binary. The routes
 * come from the route table the server registers ({@code AdminRoutes}), so a new route is covered
 * without touching this test. Each request goes as a user whose role has the route's permission
 * (so the body is really read), and the answer must be a clear error or a success: never a 5xx
 * from an unhandled exception (a 503 of an area the test box does not attach is allowed, with its
 * JSON error), never a stack trace, an error always a JSON body with its {@code error} text.
 *
 * <p>Left out: {@code POST /login} (its malformed bodies are {@code HostileInputTest}'s; random
 * failed logins would lock the test's users), {@code POST /logout}, and prompt uploads (audio
 * bodies, not JSON; {@code PromptUploadTest}).
 */
@Tag("faults")
class JsonRoutePropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Field names of the admin's request records and documents: wrong types hit real fields. */
    private static final List<String> FIELDS = List.of("username", "password", "currentPassword", "newPassword", "role",
            "roles", "name", "queue", "seat", "state", "reason", "note", "notes", "comment", "code", "callId", "agentId",
            "id", "revision", "document", "config", "enabled", "hold", "text", "value", "items", "scores", "score",
            "formId", "version", "number", "priority", "from", "to", "since", "limit", "offset", "month", "shift",
            "action", "mode", "target", "span", "timeslot", "port", "customerName", "outcome", "crew", "kind", "lang",
            "language", "totp", "secret", "confirm", "keepRecordings", "file", "fileName", "set", "schema", "site",
            "recording", "agents", "queues", "x", "__proto__", "");
    private static final int BODY_LIMIT = AdminConfig.DEFAULT_MAX_BODY_BYTES;

    private static Path dataDir;
    private static TestBox box;
    private static final Map<Role, WebClient> CLIENTS = new EnumMap<>(Role.class);
    private static List<RouteSpec> routes;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("json-routes");
        box = new TestBox(dataDir);
        for (Role role : Role.values()) {
            WebClient client = box.client();
            client.login(TestBox.userFor(role), TestBox.PASSWORD);
            CLIENTS.put(role, client);
        }
        routes = box.server.routes().stream()
                .filter(r -> r.method() != HandlerType.GET && !r.isPage())
                .filter(r -> !r.path().equals("/login") && !r.path().equals("/logout"))
                .filter(r -> !r.path().startsWith(PromptHandlers.UPLOAD_PREFIX))
                .toList();
    }

    @AfterAll
    static void stop() throws IOException {
        box.close();
        try (var walk = Files.walk(dataDir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void everyRouteTakingABodyAnswersEveryHostileDocumentWithAClearError() {
        assertTrue(routes.size() > 30, "the table's state-changing API routes: " + routes.size());
        List<byte[]> hostile = hostileBodies();
        int sent = 0;
        for (RouteSpec route : routes) {
            for (byte[] body : hostile) {
                check(route, body);
                sent++;
            }
        }
        assertTrue(sent > 300, "sent " + sent);
        System.out.printf("JSON routes: %d routes taking a body, %d hostile bodies each, %d requests%n", routes.size(),
                hostile.size(), sent);
    }

    private record Request(int route, String document) {
    }

    @Test
    void anyJsonDocumentOnAnyRouteIsAnsweredWithoutA500() {
        Gen<Integer> routeIndex = Gen.ints(0, 10_000);
        Gen<String> documents = documents();
        Tries.forAll(r -> new Request(routeIndex.next(r), documents.next(r)),
                req -> check(routes.get(req.route() % routes.size()), req.document().getBytes(StandardCharsets.UTF_8)));
    }

    private static Gen<String> documents() {
        Gen<Object> value = JsonRoutePropertiesTest::value;
        Gen<String> object = r -> write(object(r, 8, 2));
        return Gen.oneOf(object, object, value.map(JsonRoutePropertiesTest::write), Gen.just("null"), Gen.anyString(200));
    }

    private static final Gen<Object> LEAF = Gen.oneOf(Gen.anyString(40), Gen.anyInt(), Gen.anyLong(),
            Gen.anyDouble().map(d -> d.isNaN() || d.isInfinite() ? (Object) d.toString() : d), Gen.of(true, false),
            Gen.just("1e999"), Gen.just(-0.0), Gen.just("9".repeat(40)));

    /** A JSON value up to four levels deep: a leaf, an object keyed by the API's field names, or a list. */
    private static Object value(java.util.Random r) {
        return value(r, 4);
    }

    private static Object value(java.util.Random r, int depth) {
        if (depth == 0 || r.nextInt(3) == 0) {
            return LEAF.next(r);
        }
        if (r.nextBoolean()) {
            return object(r, 6, depth - 1);
        }
        List<Object> list = new ArrayList<>();
        for (int i = r.nextInt(6); i > 0; i--) {
            list.add(value(r, depth - 1));
        }
        return list;
    }

    private static Map<String, Object> object(java.util.Random r, int maxFields, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(maxFields + 1); i > 0; i--) {
            m.put(FIELDS.get(r.nextInt(FIELDS.size())), value(r, depth));
        }
        return m;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixed hostile set every route gets. */
    private static List<byte[]> hostileBodies() {
        List<String> docs = new ArrayList<>(List.of("null", "", " ", "[]", "\"text\"", "42", "true", "{}", "{\"x\":1}",
                "{\"username\":1,\"password\":[],\"role\":{},\"seat\":\"one\",\"revision\":\"x\",\"enabled\":\"yes\"}",
                "{\"name\":null,\"queue\":null,\"document\":null,\"callId\":null,\"state\":null,\"id\":null}",
                "{\"name\":\"a\",\"name\":\"b\"}", "{\"seat\":1e999,\"revision\":99999999999999999999999}",
                "{\"name\":\"\\u0000\\uD800\",\"note\":\"" + "界".repeat(100) + "\"}", "{", "{\"a\":", "[1,2,"));
        docs.add("[".repeat(BODY_LIMIT / 2 - 10) + "]".repeat(BODY_LIMIT / 2 - 10));
        docs.add("{\"a\":".repeat(BODY_LIMIT / 6) + "1" + "}".repeat(BODY_LIMIT / 6));
        docs.add("{\"name\":\"" + "a".repeat(BODY_LIMIT - 20) + "\"}");
        docs.add("{\"name\":\"" + "a".repeat(BODY_LIMIT + 10) + "\"}");
        List<byte[]> bodies = new ArrayList<>(docs.stream().map(d -> d.getBytes(StandardCharsets.UTF_8)).toList());
        byte[] binary = new byte[4096];
        new Random(13).nextBytes(binary);
        bodies.add(binary);
        bodies.add(new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '}'});
        return bodies;
    }

    private static void check(RouteSpec route, byte[] body) {
        WebClient client = clientFor(route);
        String path = route.path().replaceAll("\\{[A-Za-z]+}", "fuzz");
        HttpResponse<String> r = client.send(client.request(path).header("Content-Type", "application/json")
                .header(SecurityGuard.CSRF_HEADER, client.csrfToken())
                .method(route.method().name(), HttpRequest.BodyPublishers.ofByteArray(body)).build());
        String what = route.method() + " " + route.path() + " with " + preview(body) + " -> " + r.statusCode() + " "
                + preview(r.body().getBytes(StandardCharsets.UTF_8));
        assertNotEquals(500, r.statusCode(), what);
        assertTrue(r.statusCode() < 500 || r.statusCode() == 503, what);
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + what);
        if (r.statusCode() >= 400) {
            JsonNode error = WebClient.json(r);
            assertTrue(error.hasNonNull("error") && !error.get("error").asText().isBlank(), "a clear error: " + what);
        }
    }

    /** A user whose role has the route's permission, so the handler really reads the body. */
    private static WebClient clientFor(RouteSpec route) {
        if (route.access() instanceof Access.Permitted p) {
            for (Role role : Role.values()) {
                if (role.permissions().contains(p.permission())) {
                    return CLIENTS.get(role);
                }
            }
        }
        return CLIENTS.get(Role.values()[0]);
    }

    private static String preview(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 80), StandardCharsets.UTF_8);
        return b.length > 80 ? s + "…(" + b.length + " bytes)" : s;
    }
}
