package io.branchbox.box;

import io.branchbox.admin.config.ConfigService;
import io.branchbox.admin.system.FirstBootHandlers;
import io.branchbox.time.ThreadNames;
import io.branchbox.admin.system.SystemAdmin;
import io.branchbox.admin.system.SystemHandlers;
import io.branchbox.admin.web.RouteSpec;
import io.branchbox.box.backup.BackupException;
import io.branchbox.box.backup.BackupSchedule;
import io.branchbox.box.backup.BackupWriter;
import io.branchbox.box.backup.BoxFiles;
import io.branchbox.box.backup.DatabaseCopy;
import io.branchbox.box.firstboot.FirstBoot;
import io.branchbox.box.systemd.ServiceNotifier;
import io.branchbox.box.systemd.SignallingWatchdog;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.box.update.Updater;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.runtime.BoxFaults;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.time.ExecutorScheduler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance around a running box: the web admin's system area (status, backups, factory
 * reset), the daily backup, and the service manager (READY, the signalling watchdog, STOPPING).
 *
 * <p>Threading: backups run on the {@code backup} thread (scheduled) or a request's thread (made by
 * hand), one at a time (a lock); the watchdog on its own {@code watchdog} thread; nothing here runs
 * on signalling but the watchdog's one-line probe.
 */
final class ApplianceServices implements SystemAdmin, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApplianceServices.class);

    private final Path configPath;
    private final Path dataDir;
    private final BoxConfig config;
    private final Runnable restart;
    private final ServiceNotifier notifier;
    private final Map<String, String> env;
    private final ExecutorScheduler backupThread = new ExecutorScheduler(ThreadNames.BACKUP, Clock.systemUTC());
    private final ReentrantLock oneBackup = new ReentrantLock();
    private ExecutorScheduler watchdogThread;
    private SignallingWatchdog watchdog;
    private DataSource db;
    private EventJournal journal;
    private Executor signalling;
    private Supplier<String> oneLine;
    private BackupWriter writer;
    private BackupSchedule schedule;
    private final ApplianceUpdates updates;
    private BooleanSupplier boardOnline = () -> false;
    private FirstBootWizard wizard;
    private volatile ConfigService configuration;
    private volatile Supplier<String> fingerprint = () -> "";

    /**
     * @param restart ends the process with {@link FactoryReset#EXIT_CODE} (systemd starts it again)
     */
    ApplianceServices(Path configPath, Path dataDir, BoxConfig config, Runnable restart, Map<String, String> env) {
        this(configPath, dataDir, config, restart, env, Updater.forBox(dataDir, BoxTools.version()), restart);
    }

    /**
     * @param updater       the updater whose start-up resolution already ran
     * @param updateRestart ends the process for the service manager to start the version now linked
     */
    ApplianceServices(Path configPath, Path dataDir, BoxConfig config, Runnable restart, Map<String, String> env,
            Updater updater, Runnable updateRestart) {
        this.updates = new ApplianceUpdates(updater, updateRestart);
        this.configPath = configPath;
        this.dataDir = dataDir;
        this.config = config;
        this.restart = restart;
        this.env = env;
        this.notifier = ServiceNotifier.fromEnvironment(env);
    }

    /** The system area's routes for the web admin of {@code box} (called while the box starts). */
    List<RouteSpec> routes(BoxRuntime box) {
        boardOnline = () -> "ONLINE".equals(box.snapshot().board().state());
        List<RouteSpec> routes = bind(box.dataSource(), box.journal(), box.signalling()::execute, () -> {
            var s = box.snapshot();
            return "board " + s.board().state() + ", " + s.calls().size() + " call(s), uplink " + s.uplink().state();
        }, box.faults());
        box.onUpdateCommand(url -> updates.fromOffice(url, boardOnline));
        return routes;
    }

    /** The running web admin's parts the first-boot wizard needs (its routes exist from the start, answering 404 until then). */
    void attachWeb(ConfigService configuration, Supplier<String> fingerprint) {
        this.configuration = configuration;
        this.fingerprint = fingerprint;
    }

    /** As {@link #routes}, from the parts of a box it uses (tests pass a database and journal of their own). */
    List<RouteSpec> bind(DataSource db, EventJournal journal, Executor signalling, Supplier<String> oneLine,
            BoxFaults faults) {
        updates.attach(journal, faults);
        this.db = db;
        this.wizard = new FirstBootWizard(dataDir, db, () -> configuration, journal, () -> fingerprint.get(),
                Clock.systemUTC());
        this.journal = journal;
        this.signalling = signalling;
        this.oneLine = oneLine;
        this.writer = new BackupWriter(BoxFiles.of(configPath, dataDir, config), BoxTools.version(), Clock.systemUTC());
        this.schedule = new BackupSchedule(backupThread, config.appliance().backup(), ZoneId.of(config.site().timezone()),
                dataDir, writer, DatabaseCopy.online(db));
        List<RouteSpec> all = new java.util.ArrayList<>(new SystemHandlers(this).routes());
        all.addAll(new FirstBootHandlers(wizard).routes());
        return all;
    }

    /**
     * The box is up: start the schedule and the watchdog, tell systemd it is ready, and judge a
     * version on trial (web admin on {@code webPort}).
     */
    void started(int webPort) {
        updates.watchIfOnTrial(boardOnline, db, () -> webPort);
        schedule.start();
        SignallingWatchdog.periodFromEnvironment(env, ProcessHandle.current().pid()).ifPresent(period -> {
            watchdogThread = new ExecutorScheduler(ThreadNames.SYSTEMD_WATCHDOG, Clock.systemUTC());
            watchdog = new SignallingWatchdog(signalling, watchdogThread, notifier, period, oneLine);
            watchdog.start();
            log.info("systemd watchdog fed every {} s while the signalling thread runs", period.toSeconds());
        });
        notifier.send(ServiceNotifier.State.READY, oneLine.get());
        // the one line a technician (and the start-up benchmark) looks for: the engine, the journal
        // replay, the database and the web admin are all up
        log.info("ready for calls {} ms after the JVM started; web admin on port {}; {}",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), webPort, oneLine.get());
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", BoxTools.version());
        m.put("boxId", config.site().boxId());
        m.put("firstBoot", FirstBoot.lastReport(dataDir).orElse(null));
        m.put("backupDirectory", BackupSchedule.directory(dataDir, config.appliance().backup()).toString());
        m.put("lastScheduledBackup", schedule == null ? null : schedule.last());
        m.put("update", updates.status());
        return m;
    }

    @Override
    public Map<String, Object> firstBootReport() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", BoxTools.version());
        m.put("boxId", config.site().boxId());
        m.put("fingerprint", fingerprint.get());
        m.put("firstBoot", FirstBoot.lastReport(dataDir).orElse(null));
        m.put("wizard", FirstBootWizard.record(dataDir).orElse(null));
        m.put("wizardOpen", wizard != null && wizard.open());
        m.put("update", updates.status());
        return m;
    }

    @Override
    public List<BackupFile> backups() throws IOException {
        return BackupSchedule.list(backupDir()).stream().map(p -> new BackupFile(p.getFileName().toString(), size(p))).toList();
    }

    @Override
    public BackupFile backupNow(boolean recordings) throws Refused {
        if (!oneBackup.tryLock()) {
            throw new Refused(409, "a backup is being made: try again when it is done");
        }
        try {
            Path f = writer.write(backupDir(), recordings, DatabaseCopy.online(db));
            return new BackupFile(f.getFileName().toString(), size(f));
        } catch (BackupException e) {
            throw new Refused(e.kind() == BackupException.Kind.NO_SPACE ? 507 : 500, e.getMessage());
        } finally {
            oneBackup.unlock();
        }
    }

    @Override
    public void download(String name, OutputStream out) throws Refused, IOException {
        Path f = backupDir().resolve(name);
        if (!f.getParent().equals(backupDir()) || !Files.isRegularFile(f)) {
            throw new Refused(404, "no such backup");
        }
        Files.copy(f, out);
    }

    @Override
    public Map<String, Object> update(java.io.InputStream body, String byUser) throws Refused {
        return updates.upload(body, byUser, boardOnline.getAsBoolean());
    }

    @Override
    public void factoryReset(boolean keepRecordings, String byUser) {
        FactoryReset.apply(configPath, db, dataDir, keepRecordings);
        journal.append("system.factory-reset", null, null, null,
                Map.of("by", byUser, "recordings", keepRecordings ? "kept" : "deleted"));
        // answer first, then restart: the process ends a second later on a thread of its own
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            restart.run();
        }, ThreadNames.FACTORY_RESET);
        t.setDaemon(true);
        t.start();
    }

    private Path backupDir() {
        return BackupSchedule.directory(dataDir, config.appliance().backup());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        notifier.send(ServiceNotifier.State.STOPPING, "stopping");
        if (watchdog != null) {
            watchdog.close();
            watchdogThread.close();
        }
        if (schedule != null) {
            schedule.close();
        }
        backupThread.close();
        updates.close();
    }
}
