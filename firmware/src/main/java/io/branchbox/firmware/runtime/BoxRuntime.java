package io.branchbox.firmware.runtime;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.time.ThreadNames;
import com.pi4j.context.Context;
import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.link.BoardLinkSettings;
import io.branchbox.drivers.cb1.link.ByteLink;
import io.branchbox.drivers.cb1.msg.DChannel;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.drivers.gpio.BoardControlLines;
import io.branchbox.drivers.gpio.FactoryButton;
import io.branchbox.drivers.gpio.FrontPanel;
import io.branchbox.drivers.gpio.LedMode;
import io.branchbox.drivers.gpio.PinMap;
import io.branchbox.drivers.gpio.SeatListener;
import io.branchbox.drivers.gpio.SeatPanels;
import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.firmware.audio.PromptLibrary;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.call.CallManager;
import io.branchbox.firmware.call.ConsoleCommands;
import io.branchbox.firmware.call.PromptByPhone;
import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.store.CallHistoryRepository;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.firmware.stats.LiveQueueStats;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigApplyPlan;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.recording.ChannelOpener;
import io.branchbox.firmware.recording.DiskReserve;
import io.branchbox.firmware.recording.FreeSpace;
import io.branchbox.firmware.recording.RecordingRepair;
import io.branchbox.firmware.recording.RecordingService;
import io.branchbox.firmware.store.Database;
import io.branchbox.firmware.kpi.KpiLive;
import io.branchbox.firmware.kpi.KpiSettings;
import io.branchbox.firmware.store.DatabaseRescue;
import io.branchbox.firmware.stats.FiguresReporter;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.firmware.trunk.PriSpanSettings;
import io.branchbox.firmware.isdn.q931.Q931Timers;
import io.branchbox.firmware.trunk.outbound.ChannelAdmin;
import io.branchbox.firmware.trunk.outbound.OutboundConfig;
import io.branchbox.firmware.trunk.outbound.OutboundDialer;
import io.branchbox.firmware.trunk.outbound.OutboundRequest;
import io.branchbox.firmware.trunk.outbound.OutboundResult;
import java.util.concurrent.CompletableFuture;
import io.branchbox.firmware.trunk.outbound.OutboundTrunk;
import io.branchbox.firmware.trunk.outbound.StuckChannelDetector;
import io.branchbox.firmware.trunk.outbound.StuckChannelPolicy;
import io.branchbox.firmware.trunk.fxo.FxoConfig;
import io.branchbox.firmware.trunk.fxo.FxoLine;
import io.branchbox.firmware.trunk.fxo.LineCapture;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.firmware.workorder.WorkOrderService;
import java.util.function.Consumer;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One box, wired: the board link, the spans, call control, recording, journal, database, front
 * panel and seat panels. {@link #start} returns once everything is started (the board may still be
 * coming up); {@link #close} stops it all in reverse order, finishing open recordings.
 *
 * <p>The same wiring runs on a real board and in the demo: only {@link Hardware} differs (the
 * board's byte link and the Pi4J context).
 *
 * <p>Threading: see docs/ARCHITECTURE.md. Public accessors are safe from any thread;
 * {@link #snapshot()} returns the last snapshot taken on the signalling thread.
 */
public final class BoxRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoxRuntime.class);
    private static final Duration SNAPSHOT_PERIOD = Duration.ofMillis(500);
    /** Days of call lines the reports page can drill down into (about 150 bytes a call). */
    private static final int KPI_CALL_DAYS = 40;

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
    private final RecordingSupervisor recordingSupervisor;
    private final Path dataDir;
    private final List<AutoCloseable> closers = new ArrayList<>();
    private final ExecutorScheduler signalling;
    private final Database database;
    private final EventJournal journal;
    private final QaService qa;
    private final BoardLink link;
    private final CallManager calls;
    private final Map<Integer, PriSpan> spans = new LinkedHashMap<>();
    private final List<FxoLine> fxoLines = new ArrayList<>();
    private final ChannelBlocks channelBlocks;
    private final OutboundDialer dialer;
    private final FrontPanel frontPanel;
    private final SeatPanels seats;
    private final RecordingHealth recordingHealth = new RecordingHealth();
    private final BoxFaults faults = new BoxFaults();
    private volatile java.util.function.Function<java.net.URI, Map<String, ?>> updateCommand;
    private final AlarmMonitor alarms = new AlarmMonitor(faults);
    private final FiguresReporter figures;
    private final KpiLive kpi;
    private final java.util.concurrent.ExecutorService historyReader;
    private final ConsoleCommands console;
    private final PromptByPhone promptByPhone;
    private final PromptLibrary prompts;
    private final WorkOrderService workOrders;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile BoxSnapshot snapshot;
    private volatile Map<Integer, Map<Integer, String>> channelStates = Map.of();
    private volatile Supplier<String[]> uplinkState = () -> new String[] {"DISABLED", "0"};

    private BoxRuntime(BoxConfig config, Path dataDir, Hardware hw) throws IOException, SQLException {
        this.config = config;
        this.dataDir = dataDir;
        Clock clock = hw.clock().withZone(ZoneId.of(config.site().timezone()));
        this.snapshot = BoxSnapshot.empty(clock.instant());
        Files.createDirectories(dataDir);
        Path recordings = dataDir.resolve(config.recording().directory());
        Files.createDirectories(recordings);
        RecordingRepair.Report repaired = RecordingRepair.repairAll(recordings);
        log.info("recordings checked at start-up: {} file(s), {} repaired", repaired.scanned(), repaired.repaired().size());

        DiskReserve reserve = new DiskReserve(dataDir, DiskReserve.configuredBytes(
                System.getProperty(DiskReserve.PROPERTY), System.getenv(), config.recording().diskReserveMiB()),
                FreeSpace.of(dataDir));
        boolean diskFull = reserve.releaseIfFull();
        StorageStart.Started storage = StorageStart.open(dataDir, recordings, clock, faults, StorageStart.Disk.REAL);
        DatabaseRescue.Opened opened = storage.opened();
        database = closing(opened.database());
        journal = closing(storage.journal());

        signalling = new ExecutorScheduler(ThreadNames.SIGNALLING, clock);
        // journaling the last recordings' results is queued here while the box stops
        closers.add(() -> signalling.close(Duration.ofSeconds(1)));
        figures = new FiguresReporter(signalling, Duration.ofSeconds(config.uplink().figuresIntervalS()));
        journal.addListener(figures);
        ExecutorScheduler kpiThread = new ExecutorScheduler(ThreadNames.KPI, clock);
        closers.add(() -> kpiThread.close(Duration.ofSeconds(1)));
        kpi = new KpiLive(KpiSettings.of(config), dataDir, kpiThread, KPI_CALL_DAYS);
        kpi.start(journal, Duration.ofSeconds(config.uplink().figuresIntervalS()));
        ExecutorScheduler recordingWriter = new ExecutorScheduler(ThreadNames.RECORDING_WRITER, clock);
        // the recordings' last frames and final sizes are queued on this thread: let it finish them
        closers.add(() -> recordingWriter.close(Duration.ofSeconds(3)));
        RecordingService recorder = closing(new RecordingService(recordings, recordingWriter, recordingHealth,
                RecordingService.DEFAULT_RING_FRAMES, reserve.guard(ChannelOpener.DEFAULT)));
        recordingSupervisor = closing(new RecordingSupervisor(database.dataSource(), journal,
                recordings, config.recording().retentionDays(), clock, recordingHealth));
        DiskFullStart.runPolicyFirst(diskFull, reserve, recordingSupervisor, faults);
        closing(StartupRepairs.keepWhatPeopleEntered(dataDir, database.dataSource(), opened.created(), faults));
        qa = closing(new QaWiring(config, journal, database.dataSource(), recordingSupervisor, clock)).service();

        PinMap pins = PinMaps.from(config.pins());
        frontPanel = new FrontPanel(hw.gpio(), pins, signalling);
        frontPanel.setPower(LedMode.BLINK_1HZ);
        BoardControlLines lines = new BoardControlLines(hw.gpio(), pins, signalling);
        new FactoryButton(hw.gpio(), pins, signalling, () -> {
            log.warn("FACTORY button held {} s: factory reset requested", FactoryButton.HOLD.toSeconds());
            hw.onFactoryReset().run();
        });
        SeatPanels[] seatRef = new SeatPanels[1];
        CallManager[] callsRef = new CallManager[1];

        Path device = Path.of(config.board().device());
        BoardLinkSettings linkSettings = BoardLinkSettings.defaults(device);
        link = new BoardLink(new BoardLinkSettings(device, config.board().baud(), config.board().rtsCts(),
                linkSettings.pingInterval(), linkSettings.pongTimeout(), linkSettings.ackTimeout(),
                linkSettings.maxResends(), linkSettings.helloTimeout(), linkSettings.reopenInterval(),
                linkSettings.audioSlots()), hw.boardLink(), signalling, lines::pulseReset);
        AudioRouter router = new AudioRouter(link::sendAudio);
        prompts = new PromptLibrary(dataDir.resolve("prompts"), config.ivr().promptSet());
        BoardChannels boardChannels = new BoardChannels(link);
        calls = new CallManager(config, signalling, new Acd(config.queues(), clock), router, boardChannels,
                new RecorderPort(recorder, recordings),
                (type, callId, agentId, queue, attrs) -> journal.append(type, callId, agentId, queue, attrs),
                (seat, ready, call) -> {
                    if (seat <= pins.seatCount()) {
                        seatRef[0].setLeds(seat, ready, call);
                    }
                },
                new Prompts(prompts), new TrunkDialer(this::outboundDialer));
        callsRef[0] = calls;
        historyReader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, ThreadNames.CONSOLE_HISTORY);
            t.setDaemon(true);
            return t;
        });
        closers.add(historyReader::shutdownNow);
        console = new ConsoleCommands(calls, new CallHistoryRepository(database.dataSource()), historyReader);
        promptByPhone = calls.enablePromptRecording(historyReader);
        seats = new SeatPanels(hw.gpio(), pins, signalling, new SeatListener() {
            @Override
            public void onAnswerButton(int seat) {
                callsRef[0].onAnswerButton(seat);
            }

            @Override
            public void onReadyButton(int seat) {
                callsRef[0].onReadyButton(seat);
            }
        });
        seatRef[0] = seats;

        PriSpan.Calls toCalls = new PriSpan.Calls() {
            @Override
            public void onIncoming(TrunkCall call) {
                if (!JournalHealth.admit(journal, call)) {
                    return;
                }
                calls.onIncoming(call);
            }

            @Override
            public void onTrunkCleared(TrunkCall call, Q850Cause cause) {
                calls.onTrunkCleared(call, cause);
            }
        };
        SpanJournal spanJournal = new SpanJournal(journal);
        for (BoxConfig.Span s : config.spans()) {
            if (s.enabled()) {
                spans.put(Units.span(s.span()), new PriSpan(s.span(), signalling,
                        (unit, chan, lapd) -> link.send(new DChannel(0, unit, chan, lapd)), toCalls,
                        new DChannelCapture(clock, false, 20_000, 4L << 20), spanSettings(s), spanJournal));
            }
        }
        Map<Integer, OutboundTrunk> trunks = new LinkedHashMap<>();
        spans.values().forEach(s -> trunks.put(s.span(), OutboundTrunk.of(s)));
        ChannelAdmin channelAdmin = new ChannelAdmin(trunks, signalling);
        channelBlocks = new ChannelBlocks(journal, channelAdmin);
        int restored = channelBlocks.restore();
        if (restored > 0) {
            log.info("{} B-channel block(s) restored from the journal", restored);
        }
        dialer = trunks.isEmpty() ? null : new OutboundDialer(trunks, outboundConfig(config, trunks), channelAdmin,
                journal::append, signalling);
        // a B-channel busy with no call is restarted (rate-limited) instead of staying stuck
        new StuckChannelDetector(List.copyOf(trunks.values()), channelAdmin, StuckChannelPolicy.defaults(), signalling)
                .start();
        BoardFxo boardFxo = new BoardFxo(link, boardChannels);
        for (BoxConfig.FxoPort f : config.fxo()) {
            if (f.enabled()) {
                BoxConfig.FxoSupervision sv = f.supervision();
                fxoLines.add(new FxoLine(FxoConfig.defaults(f.port()).withRingsToAnswer(f.ringsToAnswer())
                        .withCallerId(FxoConfig.CallerIdMode.valueOf(f.callerId().name()))
                        .withAnswerOnTimeout(!sv.polarityReversal(), sv.answerTimeoutS() * 1000)
                        .withDisconnectToneMs(sv.disconnectToneMs()), signalling, boardFxo, toCalls));
            }
        }
        BoardEvents events = new BoardEvents(config, signalling, spans, router, calls);
        events.attach(link, boardChannels, fxoLines);
        // today's queue figures are a view of the journal: rebuilt by replaying it, then followed live
        LiveQueueStats queueStats = new LiveQueueStats(ZoneId.of(config.site().timezone()), agentId -> this.config.agents()
                .stream().filter(a -> a.id().equals(agentId)).findFirst().map(BoxConfig.Agent::queues).orElse(List.of()));
        queueStats.attach(journal);
        workOrders = WorkOrderService.open(config, dataDir, journal, signalling);
        signalling.execute(() -> calls.enableCrewLine(workOrders.crewLine()));
        SnapshotTaker taker = new SnapshotTaker(clock, link, router, events::identity, spans.values(), fxoLines, calls,
                recordingSupervisor::info, () -> uplinkState.get(), queueStats);
        List<Decoded> callbackEvents = new ArrayList<>();
        Predicate<String> callbackTypes = CallEventCodec.typeIsOneOf(CallEvents.CallbackRequested.class,
                CallEvents.CallbackDone.class);
        journal.replay(e -> {
            if (callbackTypes.test(e.type())) {
                callbackEvents.add(CallEventCodec.decode(e));
            }
        });

        signalling.execute(() -> {
            for (BoxConfig.Agent a : config.agents()) {
                if (a.seat() > 0) {
                    calls.login(Agent.from(a, clock.instant()));
                }
            }
            int open = calls.callbacks().restore(callbackEvents);
            if (open > 0) {
                log.info("{} callback request(s) still open from before the restart are back in line", open);
            }
        });
        seats.start();
        link.start(events);
        LinkQuality linkQuality = new LinkQuality(LinkQuality.Thresholds.defaults(), faults);
        signalling.scheduleAtFixedRate(SNAPSHOT_PERIOD, SNAPSHOT_PERIOD, () -> {
            linkQuality.update(link.counters(), System.nanoTime());
            JournalHealth.update(journal, faults);
            snapshot = taker.take();
            channelStates = taker.channels();
            FrontPanelState.apply(frontPanel, snapshot);
            alarms.check(snapshot);
        });
        ThreadWatchdog watchdog = closing(new ThreadWatchdog(alarms::raiseNow,
                exitOnFatal ? ThreadWatchdog::exitProcess : code -> log.error("fatal fault: not exiting (exitOnFatal off)"),
                System::nanoTime));
        if (exitOnFatal) {
            watchdog.installAsDefaultHandler();
        }
        watchdog.watchAlive(ThreadNames.JOURNAL_WRITER, journal.writerThread());
        watchdog.watchHeartbeat(ThreadNames.SIGNALLING, signalling, Duration.ofSeconds(20));
        // the recording writer may sit in a long fsync; only far beyond that is it dead
        watchdog.watchHeartbeat(ThreadNames.RECORDING_WRITER, recordingWriter, Duration.ofSeconds(60));
        watchdog.start();
        log.info("box {} at site {} started: data in {}, board at {}", config.site().boxId(), config.site().siteId(),
                dataDir.toAbsolutePath(), device);
    }

    private static volatile boolean exitOnFatal;

    /**
     * Whether a dead box thread or an uncaught error ends the process (exit code 70, for the
     * service manager to restart it) after raising {@code BOX_THREAD_DIED}. Off by default, so
     * tests and the demo in one JVM are not ended; {@code BoxMain} turns it on before start.
     */
    public static void exitOnFatal(boolean on) {
        exitOnFatal = on;
    }

    private static PriSpanSettings spanSettings(BoxConfig.Span s) {
        Q931Timers std = Q931Timers.defaults();
        return new PriSpanSettings(s.restartOnLinkUp() == BoxConfig.RestartOnLinkUp.ALL_IDLE,
                new Q931Timers(std.t303(), std.t305(), std.t308(), std.t309(), std.t310(), std.t313(),
                        java.time.Duration.ofSeconds(s.t316S()), std.t322(), std.restartRetries(), std.statusEnquiryRetries()));
    }

    /** Builds and starts a box. Throws when the data directory or database cannot be opened. */
    public static BoxRuntime start(BoxConfig config, Path dataDir, Hardware hw) throws IOException, SQLException {
        return new BoxRuntime(config, dataDir, hw);
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
     * policy at once on the signalling thread (calls in progress keep going), the prompt set, and
     * {@link #config()} (the uplink is restarted by its owner from it). Returns what was applied
     * and what needs a restart ({@link ConfigApplyPlan}). {@code next} must be valid. Safe from
     * any thread; the live part is done when the returned future completes.
     */
    public CompletableFuture<ConfigApplyPlan> apply(BoxConfig next) {
        BoxConfig before = config;
        ConfigApplyPlan plan = ConfigApplyPlan.between(before, next);
        CompletableFuture<ConfigApplyPlan> done = new CompletableFuture<>();
        signalling.execute(() -> {
            try {
                config = next;
                calls.reconfigure(next);
                prompts.setActiveSet(next.ivr().promptSet());
                recordingSupervisor.setRetentionDays(next.recording().retentionDays());
                log.info("configuration revision {} applied: live {}, after a restart {}", next.revision(), plan.live(),
                        plan.restart());
                done.complete(plan);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The prompt sets: call control plays the active one; the web admin uploads into them. */
    public PromptLibrary prompts() {
        return prompts;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The box's database, for the web admin's own tables. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Quality monitoring: forms, sample plans, scores, sign-off (docs/QA.md). */
    public QaService qa() {
        return qa;
    }

    /** The event journal, for readers of the truth (statistics, rebuilds). */
    public EventJournal journal() {
        return journal;
    }

    /** The span's D-channel capture ring, or null when the span is not configured. */
    public DChannelCapture capture(int span) {
        PriSpan s = spans.get(Units.span(span));
        return s == null ? null : s.capture();
    }

    /** Blocks a B-channel for maintenance (never chosen, refused to the network); runs on the signalling thread. */
    public void blockChannel(int span, int timeslot, String reason) {
        signalling.execute(() -> channelBlocks.block(span, timeslot, reason));
    }

    /** Returns a blocked B-channel to service; runs on the signalling thread. */
    public void unblockChannel(int span, int timeslot) {
        signalling.execute(() -> channelBlocks.unblock(span, timeslot));
    }

    /**
     * Places an outbound call on the PRI with the document's channel and span selection and
     * retries; every attempt and its cause is journaled as {@code call.attempt}. Safe from any
     * thread; the future completes on the signalling thread.
     */
    public CompletableFuture<OutboundResult> dial(String callId, String number) {
        if (dialer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no PRI span is configured"));
        }
        return dialer.dial(OutboundRequest.of(callId, number, null));
    }

    /**
     * Starts recording a prompt by phone at {@code seat} (see {@link PromptByPhone}); completes when
     * the seat is recording, or fails with the reason. Safe from any thread.
     */
    public CompletableFuture<Void> recordPrompt(int seat, String set, String name) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        signalling.execute(() -> {
            try {
                promptByPhone.start(seat, set, name);
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Stops the recording by phone at {@code seat} and saves it; completes with its length in ms. Safe from any thread. */
    public CompletableFuture<Long> stopPromptRecording(int seat) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        signalling.execute(() -> promptByPhone.stop(seat).whenComplete((ms, err) -> {
            if (err != null) {
                f.completeExceptionally(err instanceof java.util.concurrent.CompletionException ? err.getCause() : err);
            } else {
                f.complete(ms);
            }
        }));
        return f;
    }

    /** The agent console on this box's call control. Safe from any thread. */
    public AgentConsole console() {
        return console;
    }

    private OutboundDialer outboundDialer() {
        return dialer;
    }

    private static OutboundConfig outboundConfig(BoxConfig config, Map<Integer, OutboundTrunk> trunks) {
        BoxConfig.Outbound o = config.outbound();
        List<Integer> order = o.spanOrder().isEmpty() ? List.copyOf(trunks.keySet()) : o.spanOrder();
        return new OutboundConfig(order, OutboundConfig.ChannelOrder.valueOf(o.channelOrder()),
                OutboundConfig.ChannelMode.valueOf(o.channelMode()), o.maxAttempts(), o.maxAttemptsPerSpan(),
                Duration.ofSeconds(o.deadlineS()));
    }

    /**
     * Line diagnostics: records what FXO line {@code port} hears for {@code duration} (on-hook
     * caller ID and off-hook audio) to {@code <data>/captures/fxo<port>-<time>.wav}, with every
     * detection as JSON lines beside it ({@code .jsonl}). Returns the WAV's path at once.
     */
    public Path captureLine(int port, Duration duration) throws IOException {
        FxoLine line = fxoLines.stream().filter(l -> l.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no FXO line on port " + port));
        Path dir = Files.createDirectories(dataDir.resolve("captures"));
        String stamp = java.time.LocalDateTime.now(signalling.clock())
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        LineCapture capture = LineCapture.start(dir.resolve("fxo" + port + "-" + stamp + ".wav"), signalling);
        line.setObserver(capture);
        log.info("capturing FXO line {} for {} s to {}", port, duration.toSeconds(), capture.wavPath());
        signalling.schedule(duration, () -> {
            line.setObserver(null);
            try {
                capture.close();
            } catch (IOException e) {
                log.warn("line capture {} did not close cleanly: {}", capture.wavPath(), e.getMessage());
            }
        });
        return capture.wavPath();
    }

    /**
     * Who starts a firmware update for the office's {@code update} command (the appliance); called on
     * the uplink's thread, must return at once. Without one the command fails.
     */
    public void onUpdateCommand(java.util.function.Function<java.net.URI, Map<String, ?>> starter) {
        this.updateCommand = starter;
    }

    /** The starter given to {@link #onUpdateCommand}, or null. */
    public java.util.function.Function<java.net.URI, Map<String, ?>> updateCommand() {
        return updateCommand;
    }

    /** Lets the uplink report its state (name, queued count) into the snapshot. */
    public void reportUplink(Supplier<String[]> state) {
        this.uplinkState = state;
    }

    /**
     * Where alarms (raised and cleared) go, typically the uplink. Called on the signalling thread:
     * the sink must hand off, not block. Every active alarm is raised again to a new sink.
     */
    public void onAlarm(Consumer<Alarm> sink) {
        signalling.execute(() -> alarms.setSink(sink));
        workOrders.book().setAlarmSink(sink);
        workOrders.voicemails().setAlarmSink(sink);
    }

    /** Work orders, their handovers and the crews' PINs (docs/WORKORDERS.md). */
    public WorkOrderService workOrders() {
        return workOrders;
    }

    /** Where each interval's service figures go, typically the uplink; same threading as {@link #onAlarm}. */
    public void onFigures(FiguresReporter.Sink sink) {
        figures.setSink(sink);
    }

    /** The service figures (reports, drill-down), rebuilt from the journal in the background at start. */
    public KpiLive kpi() {
        return kpi;
    }

    /** Where the day's KPIs go (the uplink); called on the {@code kpi} thread: hand off, do not block. */
    public void onDayFigures(KpiLive.DaySink sink) {
        kpi.setSink(sink);
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
        return signalling;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("box stopping");
        CompletableFuture<Void> cleared = new CompletableFuture<>();
        signalling.execute(() -> {
            calls.onShutdown();
            cleared.complete(null);
        });
        try {
            // calls are released on the line and their recordings finished while the board link still runs
            cleared.get(2, java.util.concurrent.TimeUnit.SECONDS);
            awaitSpansIdle(Duration.ofMillis(1500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("calls in progress could not all be cleared before stopping: {}", e.toString());
        }
        link.stop();
        seats.stop();
        for (int i = closers.size() - 1; i >= 0; i--) {
            try {
                closers.get(i).close();
            } catch (Exception e) {
                log.warn("while stopping {}: {}", closers.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        log.info("box stopped");
    }

    /** Gives the network the time to confirm the clearing of the calls just released (RELEASE COMPLETE), bounded. */
    private void awaitSpansIdle(Duration limit) throws InterruptedException, java.util.concurrent.ExecutionException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            CompletableFuture<Boolean> idle = new CompletableFuture<>();
            signalling.execute(() -> idle.complete(spans.values().stream().allMatch(s -> s.calls().isEmpty())));
            try {
                if (idle.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (java.util.concurrent.TimeoutException e) {
                return;
            }
            Thread.sleep(20);
        }
        log.warn("the network did not confirm the clearing of every call within {} ms", limit.toMillis());
    }

    private <T extends AutoCloseable> T closing(T c) {
        closers.add(c);
        return c;
    }
}
