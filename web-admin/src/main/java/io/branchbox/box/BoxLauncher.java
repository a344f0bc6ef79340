package io.branchbox.box;

import io.branchbox.admin.prompts.LibraryPromptsBackend;
import io.branchbox.admin.recordings.CatalogRecordingsBackend;
import io.branchbox.admin.recordings.RecordingsBackend;
import io.branchbox.admin.reports.ReportsBackend;
import io.branchbox.admin.users.PasswordHasher;
import io.branchbox.admin.users.UserStore;
import io.branchbox.admin.web.AdminConfig;
import io.branchbox.admin.web.AdminServer;
import io.branchbox.admin.web.HttpsConfig;
import io.branchbox.admin.web.RouteSpec;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.kpi.KpiJson;
import io.branchbox.firmware.runtime.BoxOptions;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.runtime.UplinkWiring;
import io.branchbox.firmware.uplink.AlarmBacklog;
import io.branchbox.firmware.uplink.UplinkService;
import io.branchbox.time.ExecutorScheduler;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a whole box — runtime, web admin — from options and hardware, the same way on a real
 * board and in the demo. The first start writes the factory configuration document and the
 * initial admin password file; there is no default password.
 */
public final class BoxLauncher {
    private static final Logger log = LoggerFactory.getLogger(BoxLauncher.class);

    /** A running box; closing it stops the web admin, the uplink (publishing "offline"), then the box. */
    public record Running(BoxRuntime runtime, AdminServer web, UplinkService uplink, ExecutorScheduler uplinkThread)
            implements AutoCloseable {
        @Override
        public void close() {
            web.stop();
            if (uplink != null) {
                try {
                    uplink.stop().get(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    log.warn("uplink did not stop cleanly: {}", e.toString());
                }
            }
            uplinkThread.close();
            runtime.close();
        }
    }

    private BoxLauncher() {}

    /** Reads the document (creating the factory one when missing) and applies the command-line overrides. */
    public static BoxConfig loadConfig(BoxOptions o) throws IOException, ConfigException {
        Path file = o.configPath();
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ConfigDocuments.write(file, ConfigDocuments.defaults());
            log.info("no configuration document at {}: wrote the factory document", file);
        }
        BoxConfig c = ConfigDocuments.read(file);
        if (o.device().isPresent()) {
            c = withBoard(c, new BoxConfig.Board(o.device().get(), c.board().baud(), c.board().rtsCts()));
        }
        if (o.webPort().isPresent()) {
            c = withWeb(c, new BoxConfig.Web(c.web().bind(), o.webPort().get()));
        }
        return c;
    }

    /** Starts the runtime and the web admin with the runtime's own agent console. */
    public static Running start(BoxConfig config, Path dataDir, BoxRuntime.Hardware hw)
            throws IOException, SQLException {
        return start(config, dataDir, hw, BoxRuntime::console);
    }

    /**
     * Starts the runtime and the web admin, with the agent console that {@code consoleOf} gives for
     * the started runtime (null: none).
     */
    public static Running start(BoxConfig config, Path dataDir, BoxRuntime.Hardware hw,
            Function<BoxRuntime, AgentConsole> consoleOf) throws IOException, SQLException {
        return start(config, dataDir, hw, consoleOf, r -> List.of(), null);
    }

    /**
     * The box's HTTPS: on by default, on the web port + 363 (8080 → 8443, 80 → 443), with plain
     * HTTP redirecting to it and the certificate in {@code <data>/tls}; {@code BOX_HTTPS=off} keeps
     * plain HTTP only (a choice, e.g. behind a TLS proxy). Tests and the demo start without it.
     */
    public static HttpsConfig httpsFor(BoxConfig config, Path dataDir, String setting) {
        if ("off".equalsIgnoreCase(setting)) {
            log.warn("HTTPS is off (BOX_HTTPS=off): the web admin serves plain HTTP only");
            return null;
        }
        int port = config.web().port() == 0 ? 0 : config.web().port() + 363;
        return new HttpsConfig(port, dataDir.resolve("tls"), true);
    }

    /**
     * As above, with the web admin rows of other areas that {@code areaRoutes} gives for the
     * started runtime (the appliance's system area in {@link BoxMain}), and HTTPS when
     * {@code https} is given (null: plain HTTP only).
     */
    public static Running start(BoxConfig config, Path dataDir, BoxRuntime.Hardware hw,
            Function<BoxRuntime, AgentConsole> consoleOf, Function<BoxRuntime, List<RouteSpec>> areaRoutes,
            HttpsConfig https) throws IOException, SQLException {
        BoxRuntime runtime = BoxRuntime.start(config, dataDir, hw);
        try {
            UserStore users = new UserStore(runtime.dataSource(), PasswordHasher.argon2id(), Clock.systemUTC());
            users.ensureInitialAdmin(dataDir);
            String version = BoxLauncher.class.getPackage().getImplementationVersion();
            Clock site = Clock.system(ZoneId.of(config.site().timezone()));
            AgentConsole agentConsole = consoleOf.apply(runtime);
            RecordingsBackend recordings = new CatalogRecordingsBackend(runtime.dataSource(),
                    dataDir.resolve(config.recording().directory()), site, config.site().boxId());
            AdminServer web = new AdminServer(AdminConfig.defaults().withAddress(config.web().bind(), config.web().port()),
                    users, new SnapshotStatus(runtime, version == null ? "dev" : version), site, recordings,
                    new RuntimeSpanAdmin(runtime), new LibraryPromptsBackend(runtime.prompts(),
                            new LibraryPromptsBackend.PhoneRecorder() {
                                @Override
                                public java.util.concurrent.CompletableFuture<Void> start(int seat, String set, String name) {
                                    return runtime.recordPrompt(seat, set, name);
                                }

                                @Override
                                public java.util.concurrent.CompletableFuture<Long> stop(int seat) {
                                    return runtime.stopPromptRecording(seat);
                                }
                            }), areaRoutes.apply(runtime), https).start();
            web.attachConsole(agentConsole);
            web.attachReports(ReportsBackend.of(runtime.kpi(), Clock.systemUTC()));
            web.attachWorkOrders(runtime.workOrders(), runtime.signalling().clock());
            web.attachQa(runtime.qa());
            log.info("web admin on http://{}:{}/", config.web().bind(), web.port());
            ExecutorScheduler uplinkThread = new ExecutorScheduler("uplink", Clock.systemUTC());
            UplinkService uplink = UplinkWiring.create(runtime, uplinkThread);
            if (uplink != null) {
                uplink.start();
                // publishing appends to the outbox on disk: hand off to the uplink's own thread
                // an alarm the outbox refuses (disk full) waits, bounded, and is sent later
                AlarmBacklog alarms = new AlarmBacklog(uplink::publishAlarm);
                runtime.onAlarm(a -> uplinkThread.execute(() -> alarms.offer(a)));
                uplinkThread.scheduleAtFixedRate(Duration.ofSeconds(10), Duration.ofSeconds(10), alarms::retry);
                runtime.onFigures((from, to, f) -> uplinkThread.execute(() -> uplink.publishFigures(from, to, f.toMap())));
                String zone = config.site().timezone();
                runtime.onDayFigures((day, closed, rows) -> {
                    List<Object> json = rows.stream().<Object>map(KpiJson::row).toList();
                    uplinkThread.execute(() -> uplink.publishDayFigures(day.toString(), zone, closed, json));
                });
            }
            return new Running(runtime, web, uplink, uplinkThread);
        } catch (RuntimeException | IOException e) {
            runtime.close();
            throw e;
        }
    }

    static BoxConfig withBoard(BoxConfig c, BoxConfig.Board b) {
        return c.withBoard(b);
    }

    static BoxConfig withWeb(BoxConfig c, BoxConfig.Web w) {
        return c.withWeb(w);
    }
}
