package io.branchbox.firmware.uplink;

import io.branchbox.time.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the box to the central office over MQTT, store-and-forward.
 *
 * <p>Every report ({@link #publishAlarm}, {@link #publishFigures}, {@link #publishHealth}) goes
 * into the durable {@link Outbox} first and leaves it only when the broker confirmed it (QoS 1
 * PUBACK). While connected the outbox drains in priority order, at most
 * {@link UplinkSettings#inflightWindow()} messages unconfirmed at a time. At each connect the
 * service publishes the retained {@code online} status and the birth message; the retained
 * {@code offline} status is registered as Last Will, so the broker announces a box that vanishes
 * within 1.5 keep-alive periods. A clean {@link #stop()} publishes {@code offline} itself.
 *
 * <p>Commands from the office (off by default, {@link UplinkSettings#commands()}): when enabled the
 * service subscribes to {@link UplinkTopics#commands()} on every connect, checks each message
 * with {@link CommandGate} (HMAC with the per-box key, age, replay) and answers on
 * {@link UplinkTopics#commandReply()}; captures and the configuration snapshot come from the
 * {@link CommandHandler}. Command replies and health snapshots bypass the outbox: they are only
 * useful now, and the office repeats a command (with a new id) that got no answer.
 *
 * <p>In-flight window: {@link UplinkSettings#inflightWindow()} normally, raised to
 * {@link UplinkSettings#drainWindow()} while more than that many messages are queued (the backlog
 * after an outage), and always below the broker's MQTT 5 Receive Maximum.
 *
 * <p>Threading: connection handling runs on the given scheduler's thread; library callbacks are
 * handed over to it. The publish methods and {@link #status()} may be called from any thread
 * except the audio path (publishing writes to the outbox file).
 *
 * <p>Pitfalls: one service per data directory (two would corrupt the journal); {@link #start()}
 * opens the outbox on the caller's thread (local disk only, no network).
 */
public final class UplinkService {

    private static final Logger log = LoggerFactory.getLogger(UplinkService.class);

    private final UplinkSettings settings;
    private final Path dataDir;
    private final Scheduler scheduler;
    private final Supplier<Map<String, ?>> inventory;
    private final Supplier<Map<String, ?>> health;
    private final MqttLink.Factory links;
    private final Backoff backoff;
    private final UplinkTopics topics;
    private final UplinkPayloads payloads;
    private final CommandHandler handler;

    private volatile Outbox outbox;
    private volatile UplinkState state = UplinkState.DISABLED;
    private volatile String reason = "not started";
    private volatile String lastError = "";
    private volatile Instant since;

    // scheduler thread only
    private final Inflight inflight = new Inflight();
    private volatile UplinkCommands commands;
    private MqttLink link;
    private int generation;
    private Scheduler.Timer retryTimer = Scheduler.Timer.NONE;
    private Scheduler.Timer healthTimer = Scheduler.Timer.NONE;
    private final ScheduledLinkEvents.Target target = new ScheduledLinkEvents.Target() {
        @Override
        public void onConnected() {
            UplinkService.this.onConnected();
        }

        @Override
        public void onLinkFailed(String what, Throwable cause) {
            UplinkService.this.onLinkFailed(what, cause);
        }

        @Override
        public void onPublished(long tag) {
            UplinkService.this.onPublished(tag);
        }

        @Override
        public void onMessage(String topic, byte[] payload) {
            UplinkService.this.onMessage(topic, payload);
        }

        @Override
        public void onSubscribeFailed(String filter, Throwable cause) {
            lastError = "subscription to " + filter + " failed: " + cause;
            log.error("Uplink {}; commands from the office will not arrive", lastError);
        }
    };

    /**
     * @param inventory what the birth message lists (hardware, firmware, licences); JSON-simple
     * @param health    polled every {@link UplinkSettings#healthInterval()} for the health report;
     *                  null if the owner calls {@link #publishHealth} itself
     */
    public UplinkService(UplinkSettings settings, Path dataDir, Scheduler scheduler,
            Supplier<Map<String, ?>> inventory, Supplier<Map<String, ?>> health) {
        this(settings, dataDir, scheduler, inventory, health, CommandHandler.NONE);
    }

    /**
     * As above, with the handler for the {@code capture} and {@code config} commands; it is used
     * only when {@link UplinkSettings#commandsEnabled()}.
     */
    public UplinkService(UplinkSettings settings, Path dataDir, Scheduler scheduler,
            Supplier<Map<String, ?>> inventory, Supplier<Map<String, ?>> health, CommandHandler handler) {
        this(settings, dataDir, scheduler, inventory, health, handler, PahoLinks::create, Math::random);
    }

    /** As the first constructor, with the link factory and the backoff's random source replaced (tests). */
    public UplinkService(UplinkSettings settings, Path dataDir, Scheduler scheduler,
            Supplier<Map<String, ?>> inventory, Supplier<Map<String, ?>> health,
            MqttLink.Factory links, DoubleSupplier random) {
        this(settings, dataDir, scheduler, inventory, health, CommandHandler.NONE, links, random);
    }

    /** Everything replaceable (tests, benchmarks). */
    public UplinkService(UplinkSettings settings, Path dataDir, Scheduler scheduler,
            Supplier<Map<String, ?>> inventory, Supplier<Map<String, ?>> health, CommandHandler handler,
            MqttLink.Factory links, DoubleSupplier random) {
        this.handler = handler == null ? CommandHandler.NONE : handler;
        this.settings = settings;
        this.dataDir = dataDir;
        this.scheduler = scheduler;
        this.inventory = inventory;
        this.health = health;
        this.links = links;
        this.backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax(), random);
        this.topics = UplinkTopics.of(settings);
        this.payloads = new UplinkPayloads(settings.siteId(), settings.boxId());
        this.since = scheduler.clock().instant();
    }

    /**
     * Opens the outbox and starts connecting in the background. Returns at once; invalid settings
     * or an unusable data directory leave the service {@link UplinkState#DISABLED} with the reason.
     */
    public synchronized void start() {
        if (outbox != null) {
            return;
        }
        if (!settings.enabled()) {
            setState(UplinkState.DISABLED, "disabled in settings");
            return;
        }
        try {
            settings.validate();
            if (settings.commandsEnabled()) {
                CommandGate gate = new CommandGate(settings.siteId(), settings.boxId(),
                        settings.commands().loadKey(), settings.commands().maxAge(), scheduler.clock());
                commands = new UplinkCommands(gate, handler, this::publishHealthNow, scheduler.clock());
            }
            outbox = Outbox.open(dataDir, settings.outboxCapacity(), scheduler);
        } catch (UplinkException e) {
            fail(e);
            setState(UplinkState.DISABLED, "cannot start: " + e.getMessage());
            return;
        }
        log.info("Uplink starting: {}", settings);
        setState(UplinkState.CONNECTING, "starting");
        scheduler.execute(this::connect);
        if (health != null) {
            healthTimer = scheduler.scheduleAtFixedRate(settings.healthInterval(), settings.healthInterval(),
                    () -> publishHealth(ask(health, "health")));
        }
    }

    /**
     * Publishes the {@code offline} status, disconnects and closes the outbox, on the scheduler
     * thread. The future completes when that is done; wait for it before starting another
     * service on the same data directory.
     */
    public synchronized CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Outbox box = outbox;
        if (box == null) {
            done.complete(null);
            return done;
        }
        outbox = null;
        healthTimer.cancel();
        scheduler.execute(() -> {
            try {
                shutDown(box);
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    /** Queues an alarm; true if it is in the outbox. */
    public boolean publishAlarm(Alarm alarm) {
        return enqueue(Priority.ALARM, id -> payloads.alarm(id, now(), alarm));
    }

    /** Queues the service figures of one interval; true if they are in the outbox. */
    public boolean publishFigures(Instant intervalStart, Instant intervalEnd, Map<String, ?> figures) {
        return publishFigures(intervalStart, intervalEnd, figures, null);
    }

    /** As {@link #publishFigures(Instant, Instant, Map)}, with the work orders' own object ({@code null}: none). */
    public boolean publishFigures(Instant intervalStart, Instant intervalEnd, Map<String, ?> figures,
            Map<String, ?> workOrders) {
        return enqueue(Priority.FIGURES, id -> payloads.figures(id, now(), intervalStart, intervalEnd, figures,
                workOrders));
    }

    /** Queues one day's KPIs ({@link UplinkPayloads#dayFigures}); true if they are in the outbox. */
    public boolean publishDayFigures(String day, String zone, boolean closed, java.util.List<?> rows) {
        return enqueue(Priority.FIGURES, id -> payloads.dayFigures(id, now(), day, zone, closed, rows));
    }

    /** Queues a health report; true if it is in the outbox. */
    public boolean publishHealth(Map<String, ?> metrics) {
        return enqueue(Priority.HEALTH, id -> payloads.health(id, now(), metrics));
    }

    /** A snapshot for the web admin and the UPLINK LED; cheap, any thread. */
    public UplinkStatus status() {
        Outbox box = outbox;
        Map<Priority, Long> dropped = new EnumMap<>(Priority.class);
        int queued = 0;
        if (box != null) {
            queued = box.size();
            for (Priority p : Priority.values()) {
                dropped.put(p, box.dropped(p));
            }
        }
        return new UplinkStatus(state, reason, queued, dropped, lastError, since);
    }

    /**
     * Commands accepted and messages rejected on the command topic since {@link #start()}, as
     * {@code [accepted, rejected]}; zeros while commands are disabled. Any thread.
     */
    public long[] commandCounts() {
        UplinkCommands c = commands;
        return c == null ? new long[2] : new long[] {c.accepted(), c.rejected()};
    }

    /** The topics this service publishes to. */
    public UplinkTopics topics() {
        return topics;
    }

    private boolean enqueue(Priority p, LongFunction<byte[]> payload) {
        Outbox box = outbox;
        if (box == null) {
            log.debug("Uplink not running; {} report not queued", p);
            return false;
        }
        try {
            boolean queued = box.append(p, payload).queued();
            scheduler.execute(this::drain);
            return queued;
        } catch (UplinkException e) {
            fail(e);
            return false;
        } catch (IllegalArgumentException e) {
            lastError = "rejected " + p + " report: " + e.getMessage();
            log.warn("Uplink {}", lastError);
            return false;
        }
    }

    /**
     * Calls an owner-supplied source; a failing one yields an object naming the failure instead
     * of stopping the health timer or the birth message.
     */
    private static Map<String, ?> ask(Supplier<Map<String, ?>> source, String what) {
        try {
            Map<String, ?> m = source.get();
            return m == null ? Map.of() : m;
        } catch (RuntimeException e) {
            log.error("Uplink {} source failed", what, e);
            return Map.of("sourceError", String.valueOf(e));
        }
    }

    private void connect() {
        Outbox box = outbox;
        if (box == null) {
            return;
        }
        int gen = ++generation;
        setState(UplinkState.CONNECTING, "connecting to " + settings.serverUri());
        try {
            link = links.create(settings, new ScheduledLinkEvents(scheduler, () -> generation, gen, target));
            byte[] will = payloads.status(box.reserveId(), now(), false, "connection-lost");
            link.connect(new MqttLink.Message(topics.status(), will, 1, true));
        } catch (UplinkException e) {
            fail(e);
            dropLink();
        }
    }

    private void onConnected() {
        Outbox box = outbox;
        if (box == null) {
            return;
        }
        backoff.reset();
        setState(UplinkState.CONNECTED, "connected to " + settings.serverUri());
        try {
            long statusId = box.reserveId();
            sendControl(new MqttLink.Message(topics.status(), payloads.status(statusId, now(), true, "connected"),
                    1, true), statusId);
            long birthId = box.reserveId();
            byte[] birth = payloads.birth(birthId, now(), ask(inventory, "inventory"), box.size(),
                    status().dropped());
            sendControl(new MqttLink.Message(topics.birth(), birth, 1, false), birthId);
        } catch (UplinkException e) {
            fail(e);
        }
        if (commands != null) {
            link.subscribe(topics.commands());
        }
        drain();
    }

    /**
     * Publishes a message outside the outbox (status, birth, reply, health snapshot), tagged with
     * its negative id; false if too many such messages are unconfirmed already.
     */
    private boolean sendControl(MqttLink.Message m, long id) {
        if (!inflight.tryControl(-id, link.sendQuota())) {
            return false;
        }
        link.publish(m, -id);
        return true;
    }

    private void onMessage(String topic, byte[] payload) {
        Outbox box = outbox;
        if (commands == null || box == null || link == null || !topics.isCommand(topic)) {
            log.debug("Ignoring message on {}", UplinkCommands.printable(topic));
            return;
        }
        UplinkCommands.Reply r = commands.handle(topic, payload);
        if (r == null) {
            return;
        }
        try {
            long id = box.reserveId();
            byte[] reply = payloads.commandReply(id, now(), r.commandId(), r.cmd(), r.status(), r.reason(), r.result());
            if (!sendControl(new MqttLink.Message(topics.commandReply(), reply, 1, false), id)) {
                log.warn("Uplink reply to command '{}' not sent: too many replies unconfirmed",
                        UplinkCommands.printable(r.commandId()));
            }
        } catch (UplinkException e) {
            fail(e);
        } catch (IllegalArgumentException e) {
            lastError = "reply to command not serialisable: " + e.getMessage();
            log.error("Uplink {}", lastError);
        }
    }

    /** The {@code health} command: a snapshot straight to the health topic; its message id. */
    private long publishHealthNow() throws UplinkException {
        Outbox box = outbox;
        if (health == null || box == null || link == null) {
            throw new UplinkException(UplinkException.Reason.COMMAND, "no health source on this box");
        }
        long id = box.reserveId();
        byte[] snapshot = payloads.health(id, now(), ask(health, "health"));
        if (!sendControl(new MqttLink.Message(topics.of(Priority.HEALTH), snapshot, 1, false), id)) {
            throw new UplinkException(UplinkException.Reason.COMMAND, "too many messages unconfirmed; try again");
        }
        return id;
    }

    private void drain() {
        Outbox box = outbox;
        if (state != UplinkState.CONNECTED || box == null || link == null) {
            return;
        }
        int free = inflight.freeForReports(settings, box.size(), link.sendQuota());
        if (free <= 0) {
            return;
        }
        for (OutboxEntry e : box.next(free, inflight::isReport)) {
            inflight.report(e.id());
            link.publish(new MqttLink.Message(topics.of(e.priority()), e.payload(), 1, false), e.id());
        }
    }

    private void onPublished(long tag) {
        Outbox box = outbox;
        inflight.confirmed(tag);
        if (tag <= 0 || box == null) {
            return;
        }
        try {
            box.ack(tag);
        } catch (UplinkException e) {
            fail(e);
        }
        drain();
    }

    /** Drops the link and retries after the backoff; the outbox still holds every unconfirmed message. */
    private void dropLink() {
        generation++;
        inflight.clear();
        if (link != null) {
            link.close();
            link = null;
        }
        if (outbox == null) {
            return;
        }
        Duration delay = backoff.next();
        setState(UplinkState.CONNECTING, "retry in " + delay.toMillis() + " ms");
        retryTimer.cancel();
        retryTimer = scheduler.schedule(delay, this::connect);
    }

    private void shutDown(Outbox box) {
        generation++;
        retryTimer.cancel();
        if (link != null && state == UplinkState.CONNECTED) {
            try {
                byte[] offline = payloads.status(box.reserveId(), now(), false, "shutdown");
                link.publish(new MqttLink.Message(topics.status(), offline, 1, true), 0);
            } catch (UplinkException e) {
                fail(e);
            }
            link.disconnect();
        } else if (link != null) {
            link.close();
        }
        link = null;
        inflight.clear();
        try {
            box.close();
        } catch (UplinkException e) {
            fail(e);
        }
        setState(UplinkState.DISABLED, "stopped");
        log.info("Uplink stopped");
    }

    private void setState(UplinkState s, String why) {
        if (s != state) {
            since = scheduler.clock().instant();
            log.info("Uplink {}: {}", s, why);
        }
        state = s;
        reason = why;
    }

    private void fail(UplinkException e) {
        lastError = e.reason() + ": " + e.getMessage();
        log.error("Uplink {}", lastError, e);
    }

    private void onLinkFailed(String what, Throwable cause) {
        lastError = what + ": " + cause;
        log.warn("Uplink {}", lastError);
        dropLink();
    }

    private Instant now() {
        return scheduler.clock().instant();
    }
}
