package io.branchbox.admin.web;

import io.branchbox.time.ThreadNames;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchbox.admin.console.ConsoleHandlers;
import io.branchbox.admin.status.BoxStatusSource;
import io.branchbox.admin.users.Permission;
import io.branchbox.admin.users.User;
import io.branchbox.admin.users.UserStore;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one server-sent-events stream of the admin, {@code GET /api/events}: every open page gets
 * what changed, as named events, instead of polling.
 *
 * <ul>
 *   <li>{@code status} — the status snapshot ({@link BoxStatusSource}), for STATUS_VIEW or
 *       WALLBOARD_VIEW, when it changed and at least every {@link #HEARTBEAT_MS} ms;</li>
 *   <li>{@code console} — the user's own console view, for CONSOLE_USE, when it changed;</li>
 *   <li>{@code agents} — every agent with state, reason and call, for AGENTS_SUPERVISE or
 *       WALLBOARD_VIEW, when it changed;</li>
 *   <li>{@code lateOrders} — the work orders past a deadline (the wallboard's red cards), for
 *       WALLBOARD_VIEW on a box that runs work orders, when the list changed (an escalation, a
 *       stage entered in time);</li>
 *   <li>{@code clock} — {@code {"epochMs"}}, the box's time by the injected {@link Clock} (the
 *       same clock as the states' "since" times), first on every stream, then with every other
 *       event and at least every {@link #HEARTBEAT_MS} ms: pages count time in state against it,
 *       never against the browser's own clock, which may be wrong by hours.</li>
 * </ul>
 *
 * <p>Latency: the box takes a snapshot every 500 ms; the hub looks every {@link #TICK_MS} ms and
 * sends only what changed, so a page shows an event within about 0.75 s.
 *
 * <p>Each open stream keeps its session alive (a wallboard on the wall stays signed in) until the
 * session's absolute lifetime ends or the user is disabled, logged out or loses the permission;
 * then the stream is closed. Threading: one thread, {@code web-push}, does all sending; browsers
 * connect on Jetty threads. The console feeds wait for call control like a request (at most its
 * timeout), once per agent per tick.
 */
final class EventHub implements AutoCloseable {
    static final long TICK_MS = 250;
    static final long HEARTBEAT_MS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(EventHub.class);

    private final SessionStore sessions;
    private final UserStore users;
    private final BoxStatusSource status;
    private final ConsoleHandlers console;
    private final Supplier<Optional<List<?>>> lateOrders;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService thread;

    /** @param lateOrders the late work orders now, empty on a box without work orders */
    EventHub(SessionStore sessions, UserStore users, BoxStatusSource status, ConsoleHandlers console,
             Supplier<Optional<List<?>>> lateOrders, ObjectMapper mapper, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.status = status;
        this.console = console;
        this.lateOrders = lateOrders;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** One open page. */
    private static final class Stream {
        final SseClient client;
        final String sessionId;
        final Map<String, String> sent = new HashMap<>();
        long lastStatusMs;
        long lastClockMs = Long.MIN_VALUE;

        Stream(SseClient client, String sessionId) {
            this.client = client;
            this.sessionId = sessionId;
        }
    }

    synchronized void start() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, ThreadNames.WEB_PUSH);
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(this::tickSafely, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A browser opened the stream (on a Jetty thread; the route's access rule has admitted it).
     * With {@code ?once} the current state is sent and the stream ends (for scripts and tests).
     */
    void connect(SseClient client) {
        Principal p = SecurityGuard.principal(client.ctx());
        Stream stream = new Stream(client, p.session().id());
        if (client.ctx().queryParam("once") != null) {
            send(stream, p.user(), new Tick());
            client.close();
            return;
        }
        client.keepAlive();
        client.onClose(() -> streams.remove(stream));
        streams.add(stream);
        log.debug("push stream opened for {}", p.user().username());
    }

    /** How many pages are connected. */
    int connected() {
        return streams.size();
    }

    /** What one tick computed once for every stream. */
    private final class Tick {
        private String status;
        private String agents;
        private Optional<String> late;
        private final Map<String, String> views = new HashMap<>();

        String status() {
            if (status == null) {
                status = json(EventHub.this.status.snapshot());
            }
            return status;
        }

        String agents() {
            if (agents == null) {
                agents = json(console.pushAgents());
            }
            return agents;
        }

        Optional<String> late() {
            if (late == null) {
                late = lateOrders.get().map(EventHub.this::json);
            }
            return late;
        }

        String view(String agentId) {
            return views.computeIfAbsent(agentId, id -> json(console.pushView(id)));
        }
    }

    private void tickSafely() {
        try {
            Tick tick = new Tick();
            for (Stream stream : streams) {
                Optional<User> user = liveUser(stream);
                if (user.isEmpty()) {
                    streams.remove(stream);
                    stream.client.close();
                    continue;
                }
                send(stream, user.get(), tick);
            }
        } catch (RuntimeException e) {
            log.warn("push tick failed: {}", e.toString());
        }
    }

    private Optional<User> liveUser(Stream stream) {
        if (stream.client.terminated()) {
            return Optional.empty();
        }
        return sessions.touch(stream.sessionId)
                .flatMap(s -> users.find(s.username()))
                .filter(u -> !u.disabled() && !u.mustChangePassword());
    }

    private void send(Stream stream, User user, Tick tick) {
        long now = clock.millis();
        // the box's time goes first, so that a page counts the events' "since" times against it
        boolean news = false;
        String status = null;
        if (user.may(Permission.STATUS_VIEW) || user.may(Permission.WALLBOARD_VIEW)) {
            String json = tick.status();
            String key = changeKey(json);
            if (!key.equals(stream.sent.get("status")) || now - stream.lastStatusMs >= HEARTBEAT_MS) {
                stream.sent.put("status", key);
                stream.lastStatusMs = now;
                status = json;
                news = true;
            }
        }
        String view = user.may(Permission.CONSOLE_USE) ? changed(stream, "console", tick.view(user.consoleAgentId())) : null;
        String agents = user.may(Permission.AGENTS_SUPERVISE) || user.may(Permission.WALLBOARD_VIEW)
                ? changed(stream, "agents", tick.agents()) : null;
        String late = user.may(Permission.WALLBOARD_VIEW)
                ? tick.late().map(json -> changed(stream, "lateOrders", json)).orElse(null) : null;
        news |= view != null || agents != null || late != null;
        if (news || now - stream.lastClockMs >= HEARTBEAT_MS) {
            stream.lastClockMs = now;
            stream.client.sendEvent("clock", "{\"epochMs\":" + now + "}");
        }
        if (status != null) {
            stream.client.sendEvent("status", status);
        }
        if (view != null) {
            stream.client.sendEvent("console", view);
        }
        if (agents != null) {
            stream.client.sendEvent("agents", agents);
        }
        if (late != null) {
            stream.client.sendEvent("lateOrders", late);
        }
    }

    /** The event's JSON when it differs from what this stream last got (remembered as sent), else null. */
    private static String changed(Stream stream, String event, String json) {
        if (json.equals(stream.sent.get(event))) {
            return null;
        }
        stream.sent.put(event, json);
        return json;
    }

    /** The status without what changes on every snapshot (uptime, time taken): what counts as news. */
    private String changeKey(String statusJson) {
        try {
            ObjectNode node = (ObjectNode) mapper.readTree(statusJson);
            node.remove("uptimeSeconds");
            node.remove("takenAtEpochMs");
            return node.toString();
        } catch (JsonProcessingException e) {
            return statusJson;
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write push event", e);
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
        for (Stream s : streams) {
            s.client.close();
        }
        streams.clear();
    }
}
