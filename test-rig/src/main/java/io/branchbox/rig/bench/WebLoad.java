package io.branchbox.rig.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web admin's share of the full load, as people use it during a shift: a supervisor's
 * wallboard (the push stream {@code /api/events} held open, the status polled every 2 s), the
 * supervisor console's agent list polled every 2 s, and a month's KPI report (page data, then the
 * xlsx export) run on request. Signs in as the technician with the box's initial password, creates
 * the supervisor account, and signs in as it.
 *
 * <p>Threading: {@link #start} runs the polls on one daemon thread and the push stream on another;
 * {@link #report} runs on the caller's thread. Statuses are counted by path for the log.
 */
final class WebLoad implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebLoad.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "bench password of the supervisor";

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private final AtomicLong pushLines = new AtomicLong();
    private volatile boolean running = true;
    private String csrf = "";

    WebLoad(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in (technician, then the supervisor it creates) and starts the wallboard and the console. */
    void start(Path dataDir) throws IOException, InterruptedException {
        String initial = Files.readString(dataDir.resolve("initial-admin-password")).trim();
        signIn("admin", initial, "bench password of the technician");
        post("/api/users", "{\"username\":\"lead\",\"password\":" + JSON.writeValueAsString(PASSWORD)
                + ",\"roles\":[\"SUPERVISOR\"]}");
        post("/logout", "{}");
        signIn("lead", PASSWORD, PASSWORD + " changed");
        get("/wallboard");
        get("/console");
        Thread push = new Thread(this::push, ThreadNames.BENCH + "web-push");
        push.setDaemon(true);
        push.start();
        Thread poll = new Thread(() -> {
            while (running) {
                try {
                    get("/api/status");
                    get("/api/console/supervisor/agents");
                    get("/api/workorders/late");
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                } catch (java.io.UncheckedIOException e) {
                    if (running) {
                        throw e;
                    }
                    return; // the box stopped after the load ended: not a failure
                }
            }
        }, ThreadNames.BENCH + "web-poll");
        poll.setDaemon(true);
        poll.start();
    }

    /** A month's KPI report: the page's data, then its xlsx export. */
    void report() {
        LocalDate to = LocalDate.now();
        String q = "?from=" + to.minusDays(30) + "&to=" + to;
        get("/api/reports/kpis" + q);
        get("/api/reports/trend?to=" + to);
        get("/api/reports/export" + q + "&format=xlsx");
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        log.info("web load: HTTP statuses by request {}, {} push-stream lines", statuses, pushLines.get());
    }

    long pushLines() {
        return pushLines.get();
    }

    synchronized Map<String, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    private void signIn(String user, String password, String changeTo) throws IOException {
        HttpResponse<String> r = post("/login", "{\"username\":" + JSON.writeValueAsString(user) + ",\"password\":"
                + JSON.writeValueAsString(password) + "}");
        csrf = JSON.readTree(get("/api/session").body()).path("csrfToken").asText();
        JsonNode login = JSON.readTree(r.body());
        if (login.path("mustChangePassword").asBoolean()) {
            post("/api/password", "{\"currentPassword\":" + JSON.writeValueAsString(password) + ",\"newPassword\":"
                    + JSON.writeValueAsString(changeTo) + "}");
        }
    }

    private void push() {
        try {
            HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            count("/api/events", r.statusCode());
            r.body().takeWhile(l -> running).forEach(l -> pushLines.incrementAndGet());
        } catch (IOException e) {
            log.info("push stream ended: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get(String path) {
        return send(path, HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET());
    }

    private HttpResponse<String> post(String path, String json) {
        return send(path, HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(String path, HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            count(path.replaceAll("\\?.*", ""), r.statusCode());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized void count(String path, int status) {
        statuses.merge(path + " " + status, 1, Integer::sum);
    }
}
