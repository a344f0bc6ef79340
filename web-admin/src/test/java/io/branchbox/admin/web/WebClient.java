package io.branchbox.admin.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A browser-like HTTP client for tests: keeps cookies, does not follow redirects. */
public final class WebClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;
    private String csrfToken;

    public WebClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            b.header(SecurityGuard.CSRF_HEADER, csrfToken);
        }
        return send(b.build());
    }

    /** A POST of raw bytes (an uploaded file), with the session's CSRF token. */
    public HttpResponse<String> postBytes(String path, byte[] body) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (csrfToken != null) {
            b.header(SecurityGuard.CSRF_HEADER, csrfToken);
        }
        return send(b.build());
    }

    /** The push stream's current events, once ({@code /api/events?once}, as a browser's EventSource asks for it). */
    public String eventsOnce() {
        return send(request("/api/events?once").header("Accept", "text/event-stream").GET().build()).body();
    }

    /** A GET whose body is kept as bytes (audio, downloads, zips). */
    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    /** Logs in with JSON and fetches the CSRF token; returns the login response. */
    public HttpResponse<String> login(String username, String password) {
        HttpResponse<String> response = postJson("/login",
                "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}");
        if (response.statusCode() == 200) {
            csrfToken = json(get("/api/session")).get("csrfToken").asText();
        }
        return response;
    }

    /** The token from the last login, or an empty string when logged out. */
    String csrfToken() {
        return csrfToken == null ? "" : csrfToken;
    }

    void forgetCsrfToken() {
        csrfToken = null;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
