package io.branchbox.firmware.runtime;

import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.link.BoardLinkSettings;
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
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.Decoded;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.kpi.KpiLive;
import io.branchbox.firmware.kpi.KpiSettings;
import io.branchbox.firmware.qa.QaService;
import io.branchbox.firmware.recording.ChannelOpener;
import io.branchbox.firmware.recording.RecordingService;
import io.branchbox.firmware.stats.FiguresReporter;
import io.branchbox.firmware.stats.LiveQueueStats;
import io.branchbox.firmware.store.CallHistoryRepository;
import io.branchbox.firmware.workorder.WorkOrderService;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ThreadNames;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call engine: board link, trunks, call control, ACD, recording, seat panels, front panel,
 * KPIs, QA and work orders, built on the opened {@link BoxStorage}. Step 2 of
 * {@link BoxRuntime#start()}: the constructor builds and wires (it reads the journal for the
 * views it rebuilds, and creates the engine's scheduler threads, which wait idle); {@link #start}
 * logs the agents in, restores open callbacks, starts the seat panels and the board link, the
 * snapshot every 500 ms and the thread watchdog. {@link #close} releases the calls in progress on
 * the line while the board link still runs, then stops the rest in reverse order of its build.
 *
 * <p>Threading: built, started and closed by the runtime's owner; see docs/ARCHITECTURE.md for
 * the threads it runs. Fields are read by {@link BoxRuntime} from any thread; they are not
 * reassigned after the build.
 */
final class BoxEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BoxEngine.class);
    private static final Duration SNAPSHOT_PERIOD = Duration.ofMillis(500);
    /** Days of call lines the reports page can drill down into (about 150 bytes a call). */
    private static final int KPI_CALL_DAYS = 40;

    final ExecutorScheduler signalling;
    final RecordingSupervisor recordingSupervisor;
    final QaService qa;
    final BoardLink link;
    final CallManager calls;
    final BoxTrunks trunks;
    final FigureSinks figures;
    final ConsoleCommands console;
    final PromptByPhone promptByPhone;
    final PromptLibrary prompts;
    final WorkOrderService workOrders;
    /** What the engine started, closed in reverse; the caller's list, so that a build that fails half-way is undone too. */
    private final List<AutoCloseable> closers;
    private final BoxConfig config;
    private final Clock clock;
    private final FrontPanel frontPanel;
    private final SeatPanels seats;
    private final BoardEvents events;
    private final SnapshotTaker taker;
    private final ExecutorScheduler recordingWriter;
    private final List<Decoded> callbackEvents = new ArrayList<>();
    private final BoxHealth health;

    /** What the engine shares with the runtime: faults and alarms, and where snapshots go. */
    record BoxHealth(BoxFaults faults, AlarmMonitor alarms, RecordingHealth recording, SnapshotSink sink) {}

    /** Receives each snapshot and the channel grid taken with it, on the signalling thread. */
    interface SnapshotSink {
        void accept(BoxSnapshot snapshot, java.util.Map<Integer, java.util.Map<Integer, String>> channels);
    }

    /** The engine's reporters of figures (the uplink's sinks are set on them). */
    record FigureSinks(FiguresReporter interval, KpiLive kpi) {}

    BoxEngine(BoxConfig config, BoxStorage storage, BoxRuntime.Hardware hw, Clock clock, BoxHealth health,
            Supplier<BoxSnapshot.Uplink> uplink, Supplier<BoxConfig> liveConfig, List<AutoCloseable> closers)
            throws IOException, SQLException {
        this.closers = closers;
        this.config = config;
        this.clock = clock;
        this.health = health;
        EventJournal journal = storage.journal;
        signalling = new ExecutorScheduler(ThreadNames.SIGNALLING, clock);
        // journaling the last recordings' results is queued here while the box stops
        closers.add(() -> signalling.close(Duration.ofSeconds(1)));
        FiguresReporter interval = new FiguresReporter(signalling, Duration.ofSeconds(config.uplink().figuresIntervalS()));
        journal.addListener(interval);
        ExecutorScheduler kpiThread = new ExecutorScheduler(ThreadNames.KPI, clock);
        closers.add(() -> kpiThread.close(Duration.ofSeconds(1)));
        KpiLive kpi = new KpiLive(KpiSettings.of(config), storage.dataDir, kpiThread, KPI_CALL_DAYS);
        kpi.start(journal, Duration.ofSeconds(config.uplink().figuresIntervalS()));
        figures = new FigureSinks(interval, kpi);
        recordingWriter = new ExecutorScheduler(ThreadNames.RECORDING_WRITER, clock);
        // the recordings' last frames and final sizes are queued on this thread: let it finish them
        closers.add(() -> recordingWriter.close(Duration.ofSeconds(3)));
        RecordingService recorder = closing(new RecordingService(storage.recordings, recordingWriter, health.recording(),
                RecordingService.DEFAULT_RING_FRAMES, storage.reserve.guard(ChannelOpener.DEFAULT)));
        recordingSupervisor = closing(new RecordingSupervisor(storage.database.dataSource(), journal,
                storage.recordings, config.recording().retentionDays(), clock, health.recording()));
        DiskFullStart.runPolicyFirst(storage.diskFull, storage.reserve, recordingSupervisor, health.faults());
        closing(StartupRepairs.keepWhatPeopleEntered(storage.dataDir, storage.database.dataSource(),
                storage.databaseCreated, health.faults()));
        qa = closing(new QaWiring(config, journal, storage.database.dataSource(), recordingSupervisor, clock)).service();

        PinMap pins = PinMaps.from(config.pins());
        frontPanel = new FrontPanel(hw.gpio(), pins, signalling);
        frontPanel.setPower(LedMode.BLINK_1HZ);
        BoardControlLines lines = new BoardControlLines(hw.gpio(), pins, signalling);
        new FactoryButton(hw.gpio(), pins, signalling, () -> {
            log.warn("FACTORY button held {} s: factory reset requested", FactoryButton.HOLD.toSeconds());
            hw.onFactoryReset().run();
        });
        Path device = Path.of(config.board().device());
        BoardLinkSettings d = BoardLinkSettings.defaults(device);
        link = new BoardLink(new BoardLinkSettings(device, config.board().baud(), config.board().rtsCts(),
                d.pingInterval(), d.pongTimeout(), d.ackTimeout(), d.maxResends(), d.helloTimeout(),
                d.reopenInterval(), d.audioSlots()), hw.boardLink(), signalling, lines::pulseReset);
        AudioRouter router = new AudioRouter(link::sendAudio);
        prompts = new PromptLibrary(storage.dataDir.resolve("prompts"), config.ivr().promptSet());
        BoardChannels boardChannels = new BoardChannels(link);
        SeatPanels[] seatRef = new SeatPanels[1];
        BoxTrunks[] trunksRef = new BoxTrunks[1];
        calls = new CallManager(config, signalling, new Acd(config.queues(), clock), router, boardChannels, new BoardSeats(),
                new RecorderPort(recorder, storage.recordings),
                (type, callId, agentId, queue, attrs) -> journal.append(type, callId, agentId, queue, attrs),
                (seat, ready, call) -> {
                    if (seat <= pins.seatCount()) {
                        seatRef[0].setLeds(seat, ready, call);
                    }
                },
                new Prompts(prompts), new TrunkDialer(() -> trunksRef[0].dialer));
        ExecutorService historyReader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, ThreadNames.CONSOLE_HISTORY);
            t.setDaemon(true);
            return t;
        });
        closers.add(historyReader::shutdownNow);
        console = new ConsoleCommands(calls, new CallHistoryRepository(storage.database.dataSource()), historyReader);
        promptByPhone = calls.enablePromptRecording(historyReader);
        seats = new SeatPanels(hw.gpio(), pins, signalling, new SeatListener() {
            @Override
            public void onAnswerButton(int seat) {
                calls.onAnswerButton(seat);
            }

            @Override
            public void onReadyButton(int seat) {
                calls.onReadyButton(seat);
            }
        });
        seatRef[0] = seats;
        trunks = new BoxTrunks(config, clock, signalling, link, boardChannels, journal, calls);
        trunksRef[0] = trunks;
        events = new BoardEvents(config, signalling, trunks.spans, router, calls);
        events.attach(link, boardChannels, trunks.fxoLines);
        // today's queue figures are a view of the journal: rebuilt by replaying it, then followed live
        LiveQueueStats queueStats = new LiveQueueStats(ZoneId.of(config.site().timezone()), agentId -> liveConfig.get()
                .agents().stream().filter(a -> a.id().equals(agentId)).findFirst().map(BoxConfig.Agent::queues)
                .orElse(List.of()));
        queueStats.attach(journal);
        workOrders = WorkOrderService.open(config, storage.dataDir, journal, signalling);
        taker = new SnapshotTaker(clock, link, router, events::identity, trunks.spans.values(), trunks.fxoLines, calls,
                recordingSupervisor::info, uplink, queueStats);
        Predicate<String> callbackTypes = CallEventCodec.typeIsOneOf(CallEvents.CallbackRequested.class,
                CallEvents.CallbackDone.class);
        journal.replay(e -> {
            if (callbackTypes.test(e.type())) {
                callbackEvents.add(CallEventCodec.decode(e));
            }
        });
    }

    /**
     * Starts taking calls: agents logged in and open callbacks back in line (on signalling), the
     * seat panels, the board link, the snapshot and the thread watchdog. Returns at once; the board
     * may still be coming up.
     */
    void start(EventJournal journal, boolean exitOnFatal) {
        signalling.execute(() -> {
            calls.enableCrewLine(workOrders.crewLine());
            for (BoxConfig.Agent a : config.agents()) {
                if (a.seat() > 0) {
                    calls.login(Agent.from(a, clock.instant()));
                }
            }
            int open = calls.callbacks().restore(callbackEvents);
            if (open > 0) {
                log.info("{} callback request(s) still open from before the restart are back in line", open);
            }
            callbackEvents.clear();
        });
        seats.start();
        link.start(events);
        LinkQuality linkQuality = new LinkQuality(LinkQuality.Thresholds.defaults(), health.faults());
        signalling.scheduleAtFixedRate(SNAPSHOT_PERIOD, SNAPSHOT_PERIOD, () -> {
            linkQuality.update(link.counters(), System.nanoTime());
            JournalHealth.update(journal, health.faults());
            BoxSnapshot s = taker.take();
            health.sink().accept(s, taker.channels());
            FrontPanelState.apply(frontPanel, s);
            health.alarms().check(s);
        });
        ThreadWatchdog watchdog = closing(new ThreadWatchdog(health.alarms()::raiseNow,
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
    }

    /** Releases the calls in progress (bounded: about 3.5 s), then stops the link, the seats and the rest. */
    @Override
    public void close() {
        CompletableFuture<Void> cleared = new CompletableFuture<>();
        signalling.execute(() -> {
            calls.onShutdown();
            cleared.complete(null);
        });
        try {
            // calls are released on the line and their recordings finished while the board link still runs
            cleared.get(2, TimeUnit.SECONDS);
            awaitSpansIdle(Duration.ofMillis(1500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("calls in progress could not all be cleared before stopping: {}", e.toString());
        }
        link.stop();
        seats.stop();
        closeAll(closers);
    }

    /** Closes {@code closers} in reverse order, logging (not throwing) what fails. */
    static void closeAll(List<AutoCloseable> closers) {
        for (int i = closers.size() - 1; i >= 0; i--) {
            try {
                closers.get(i).close();
            } catch (Exception e) {
                log.warn("while stopping {}: {}", closers.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Gives the network the time to confirm the clearing of the calls just released (RELEASE COMPLETE), bounded. */
    private void awaitSpansIdle(Duration limit) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            CompletableFuture<Boolean> idle = new CompletableFuture<>();
            signalling.execute(() -> idle.complete(trunks.idle()));
            try {
                if (idle.get(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (TimeoutException e) {
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
