package io.branchbox.firmware.runtime;

import com.pi4j.context.Context;
import io.branchbox.drivers.cb1.link.ByteLink;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.audio.PromptLibrary;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigApplyPlan;
import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.kpi.KpiLive;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.stats.FiguresReporter;
import io.branchbox.firmware.trunk.outbound.OutboundResult;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.firmware.workorder.WorkOrderService;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One box: the composition root and the API its web admin and launchers use. Building it
 * ({@link #create}) does no I/O and starts no thread; {@link #start()} brings it up in the order of
 * docs/ARCHITECTURE.md, "Assembly" ({@link BoxLifecycle}): storage ({@link BoxStorage}), call
 * engine ({@link BoxEngine}), then the services in the order added: the uplink first (the
 * runtime's own, so a box without a web admin still reports), then the launcher's (the web admin).
 * {@link #close} stops them in reverse.
 *
 * <p>The same wiring runs on a real board and in the demo: only {@link Hardware} differs.
 *
 * <p>Threading: {@link #start} and {@link #close} from the owner's thread; every other public
 * method is safe from any thread once {@link #start} returned (before, they throw
 * {@link IllegalStateException}); {@link #snapshot()} returns the last snapshot taken on the
 * signalling thread.
 */
public final class BoxRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoxRuntime.class);
    private static volatile boolean exitOnFatal;

    /**
     * What differs between a real box and a simulated one, and what the surrounding program does
     * when the FACTORY button has been held 10 s ({@code onFactoryReset}, called on the signalling
     * thread). {@code clock} is the time the box stamps and counts by: the system clock on a real
     * box; a test may drive it (a scripted week of traffic in a minute); its zone is replaced by
     * the site's.
     */
    public record Hardware(Supplier<ByteLink> boardLink, Context gpio, Runnable onFactoryReset, Clock clock) {
        public Hardware(Supplier<ByteLink> boardLink, Context gpio, Runnable onFactoryReset) {
            this(boardLink, gpio, onFactoryReset, Clock.systemUTC());
        }

        public Hardware(Supplier<ByteLink> boardLink, Context gpio) {
            this(boardLink, gpio, () -> { });
        }

        /** The same hardware on another clock. */
        public Hardware withClock(Clock c) {
            return new Hardware(boardLink, gpio, onFactoryReset, c);
        }
    }

    private volatile BoxConfig config;
    private final Path dataDir;
    private final Hardware hw;
    private final Clock clock;
    private final BoxFaults faults = new BoxFaults();
    private final AlarmMonitor alarms = new AlarmMonitor(faults);
    private final BoxUplink uplink = new BoxUplink();
    private final BoxLifecycle lifecycle = new BoxLifecycle(uplink);
    private volatile Function<URI, Map<String, ?>> updateCommand;
    private volatile BoxSnapshot snapshot;
    private volatile Map<Integer, Map<Integer, String>> channelStates = Map.of();
    private volatile Supplier<BoxSnapshot.Uplink> uplinkState = () -> BoxSnapshot.Uplink.DISABLED;

    private BoxRuntime(BoxConfig config, Path dataDir, Hardware hw) {
        this.config = config;
        this.dataDir = dataDir;
        this.hw = hw;
        this.clock = hw.clock().withZone(ZoneId.of(config.site().timezone()));
        this.snapshot = BoxSnapshot.empty(clock.instant());
    }

    /** A box built but not started: add services, then {@link #start()}. No I/O, no thread. */
    public static BoxRuntime create(BoxConfig config, Path dataDir, Hardware hw) {
        return new BoxRuntime(config, dataDir, hw);
    }

    /** Builds and starts a box with its uplink and no other service. Throws when the data directory or database cannot be opened. */
    public static BoxRuntime start(BoxConfig config, Path dataDir, Hardware hw) throws IOException, SQLException {
        BoxRuntime box = create(config, dataDir, hw);
        box.start();
        return box;
    }

    /** Adds a service started after the engine and the services added before it (before {@link #start()} only). */
    public BoxRuntime addService(BoxService service) {
        lifecycle.add(service);
        return this;
    }

    /**
     * Starts the box in the order of the class comment; returns once every service started (the
     * board may still be coming up). On a failure, closes what was started and throws.
     */
    public void start() throws IOException, SQLException {
        lifecycle.start(this, config, dataDir, hw, clock, new BoxEngine.BoxHealth(faults, alarms, new RecordingHealth(),
                (s, channels) -> {
                    snapshot = s;
                    channelStates = channels;
                }), exitOnFatal);
    }

    /** Services in reverse order, then the engine (calls released, recordings finished), then the journal and database. Once. */
    @Override
    public void close() {
        lifecycle.close();
    }

    /**
     * Whether a dead box thread or an uncaught error ends the process (exit code 70, for the
     * service manager to restart it) after raising {@code BOX_THREAD_DIED}. Off by default, so
     * tests and the demo in one JVM are not ended; {@code BoxMain} turns it on before start.
     */
    public static void exitOnFatal(boolean on) {
        exitOnFatal = on;
    }

    private BoxEngine engine() {
        return lifecycle.engine();
    }

    /**
     * Each configured span's B-channels by timeslot (IDLE, BUSY, BLOCKED, RESTARTING), taken with
     * the last snapshot. Safe from any thread.
     */
    public Map<Integer, Map<Integer, String>> channelStates() {
        return channelStates;
    }

    /** The last snapshot (at most half a second old). */
    public BoxSnapshot snapshot() {
        return snapshot;
    }

    /** The configuration last applied (sections that need a restart are in it, but not in effect yet). */
    public BoxConfig config() {
        return config;
    }

    /**
     * Applies a saved document live: agents, queues, IVR, hours, console rules and recording
     * policy at once on the signalling thread (calls in progress keep going), the prompt set,
     * {@link #config()}, and the uplink (restarted with its new settings when they changed). Returns
     * what was applied and what needs a restart ({@link ConfigApplyPlan}). {@code next} must be
     * valid. Safe from any thread; the live part is done when the returned future completes.
     */
    public CompletableFuture<ConfigApplyPlan> apply(BoxConfig next) {
        return BoxOperations.apply(engine(), config, next, c -> config = c).thenApply(plan -> {
            if (plan.live().contains("uplink")) {
                uplink.restart();
            }
            return plan;
        });
    }

    /** The prompt sets: call control plays the active one; the web admin uploads into them. */
    public PromptLibrary prompts() {
        return engine().prompts;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The box's database, for the web admin's own tables. */
    public DataSource dataSource() {
        return lifecycle.storage().database.dataSource();
    }

    /** Quality monitoring: forms, sample plans, scores, sign-off (docs/QA.md). */
    public QaService qa() {
        return engine().qa;
    }

    /** The event journal, for readers of the truth (statistics, rebuilds). */
    public EventJournal journal() {
        return lifecycle.storage().journal;
    }

    /** The span's D-channel capture ring, or null when the span is not configured. */
    public DChannelCapture capture(int span) {
        var s = engine().trunks.spans.get(Units.span(span));
        return s == null ? null : s.capture();
    }

    /** Blocks a B-channel for maintenance (never chosen, refused to the network); runs on the signalling thread. */
    public void blockChannel(int span, int timeslot, String reason) {
        BoxOperations.block(engine(), span, timeslot, reason);
    }

    /** Returns a blocked B-channel to service; runs on the signalling thread. */
    public void unblockChannel(int span, int timeslot) {
        BoxOperations.unblock(engine(), span, timeslot);
    }

    /**
     * Places an outbound call on the PRI with the document's channel and span selection and
     * retries; every attempt and its cause is journaled as {@code call.attempt}. Safe from any
     * thread; the future completes on the signalling thread.
     */
    public CompletableFuture<OutboundResult> dial(String callId, String number) {
        return BoxOperations.dial(engine(), callId, number);
    }

    /**
     * Starts recording a prompt by phone at {@code seat} (see {@link io.branchbox.firmware.call.PromptByPhone});
     * completes when the seat is recording, or fails with the reason. Safe from any thread.
     */
    public CompletableFuture<Void> recordPrompt(int seat, String set, String name) {
        return BoxOperations.recordPrompt(engine(), seat, set, name);
    }

    /** Stops the recording by phone at {@code seat} and saves it; completes with its length in ms. Safe from any thread. */
    public CompletableFuture<Long> stopPromptRecording(int seat) {
        return BoxOperations.stopPromptRecording(engine(), seat);
    }

    /** The agent console on this box's call control. Safe from any thread. */
    public AgentConsole console() {
        return engine().console;
    }

    /**
     * Line diagnostics: records what FXO line {@code port} hears for {@code duration} (on-hook
     * caller ID and off-hook audio) to {@code <data>/captures/fxo<port>-<time>.wav}, with every
     * detection as JSON lines beside it ({@code .jsonl}). Returns the WAV's path at once.
     */
    public Path captureLine(int port, Duration duration) throws IOException {
        return BoxOperations.captureLine(engine(), dataDir, port, duration);
    }

    /**
     * Who starts a firmware update for the office's {@code update} command (the appliance); called on
     * the uplink's thread, must return at once. Without one the command fails.
     */
    public void onUpdateCommand(Function<URI, Map<String, ?>> starter) {
        this.updateCommand = starter;
    }

    /** The starter given to {@link #onUpdateCommand}, or null. */
    public Function<URI, Map<String, ?>> updateCommand() {
        return updateCommand;
    }

    /** Lets the uplink report its state into the snapshot. */
    void reportUplink(Supplier<BoxSnapshot.Uplink> state) {
        this.uplinkState = state;
    }

    /** The uplink's state of the moment (the snapshot takes it). */
    BoxSnapshot.Uplink uplinkState() {
        return uplinkState.get();
    }

    /** Where alarms go (the uplink); the sink is called on signalling and must hand off. Every active alarm is raised again to a new sink. */
    void onAlarm(Consumer<Alarm> sink) {
        BoxEngine e = engine();
        e.signalling.execute(() -> alarms.setSink(sink));
        e.workOrders.book().setAlarmSink(sink);
        e.workOrders.voicemails().setAlarmSink(sink);
    }

    /** Work orders, their handovers and the crews' PINs (docs/WORKORDERS.md). */
    public WorkOrderService workOrders() {
        return engine().workOrders;
    }

    /** Where each interval's service figures go (the uplink); same threading as {@link #onAlarm}. */
    void onFigures(FiguresReporter.Sink sink) {
        engine().figures.interval().setSink(sink);
    }

    /** The service figures (reports, drill-down), rebuilt from the journal in the background at start. */
    public KpiLive kpi() {
        return engine().figures.kpi();
    }

    /** Where the day's KPIs go (the uplink); called on the {@code kpi} thread: hand off, do not block. */
    void onDayFigures(KpiLive.DaySink sink) {
        engine().figures.kpi().setSink(sink);
    }

    /** The alarms raised now, most severe first, each with since when (for the status page). Any thread. */
    public List<ActiveAlarm> activeAlarms() {
        return alarms.current();
    }

    /** Fault conditions raised outside the snapshot; they become alarms with the next snapshot. */
    public BoxFaults faults() {
        return faults;
    }

    /** The signalling scheduler, for services that must run on it. */
    public ExecutorScheduler signalling() {
        return engine().signalling;
    }
}
