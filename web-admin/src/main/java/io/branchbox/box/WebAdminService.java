package io.branchbox.box;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.branchbox.admin.config.ConfigService;
import io.branchbox.admin.i18n.Catalogue;
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
import io.branchbox.firmware.config.ConfigRevisions;
import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.runtime.BoxService;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web admin as a service of the box: started by {@link BoxRuntime} after its engine and its
 * uplink, stopped before them. Saved configuration changes become revisions of the document and
 * are applied live through the runtime (which restarts its uplink when its settings changed).
 *
 * <p>Threading: {@link #start} and {@link #close} on the runtime's owner's thread; the server's
 * parts ({@link #server()}, {@link #configuration()}) are set by {@link #start} and read after it.
 */
final class WebAdminService implements BoxService {
    private static final Logger log = LoggerFactory.getLogger(WebAdminService.class);

    /** What the launcher chose for this box's web admin. */
    record Settings(BoxConfig config, Path configPath, Path dataDir, Function<BoxRuntime, AgentConsole> consoleOf,
            ConfigService.Restarter restarter, HttpsConfig https, Function<BoxRuntime, List<RouteSpec>> areaRoutes) {}

    private final Settings settings;
    private volatile AdminServer server;
    private volatile ConfigService configuration;

    WebAdminService(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "web admin";
    }

    /**
     * Loads the web admin's libraries (Javalin and Jetty, Jackson, the catalogues) while the box's
     * database opens: their class loading and initialisation are most of the web admin's start.
     */
    @Override
    public void prepare() {
        Catalogue.load();
        new ObjectMapper().registerModule(new JavaTimeModule());
        Javalin.create(cfg -> { });
    }

    @Override
    public void start(BoxRuntime runtime) throws IOException {
        BoxConfig config = settings.config();
        ConfigRevisions revisions = ConfigRevisions.open(settings.configPath(), config, Clock.systemUTC(),
                BoxLauncher.REVISIONS_KEPT);
        configuration = new ConfigService(revisions, config, runtime::apply, settings.restarter(),
                new ProbeUplinkTester(runtime));
        UserStore users = new UserStore(runtime.dataSource(), PasswordHasher.argon2id(), Clock.systemUTC());
        users.ensureInitialAdmin(settings.dataDir());
        String version = BoxLauncher.class.getPackage().getImplementationVersion();
        Clock site = Clock.system(ZoneId.of(config.site().timezone()));
        AgentConsole agentConsole = settings.consoleOf().apply(runtime);
        RecordingsBackend recordings = new CatalogRecordingsBackend(runtime.dataSource(),
                settings.dataDir().resolve(config.recording().directory()), site, config.site().boxId());
        AdminServer web = new AdminServer(AdminConfig.defaults().withAddress(config.web().bind(), config.web().port()),
                users, new SnapshotStatus(runtime, version == null ? "dev" : version), site, recordings,
                new RuntimeSpanAdmin(runtime), new LibraryPromptsBackend(runtime.prompts(),
                        new LibraryPromptsBackend.PhoneRecorder() {
                            @Override
                            public CompletableFuture<Void> start(int seat, String set, String name) {
                                return runtime.recordPrompt(seat, set, name);
                            }

                            @Override
                            public CompletableFuture<Long> stop(int seat) {
                                return runtime.stopPromptRecording(seat);
                            }
                        }), settings.https(), configuration, settings.areaRoutes().apply(runtime)).start();
        server = web;
        web.attachConsole(agentConsole);
        web.attachLines(new SnapshotLines(runtime));
        web.attachReports(ReportsBackend.of(runtime.kpi(), Clock.systemUTC()));
        web.attachWorkOrders(runtime.workOrders(), runtime.signalling().clock());
        web.attachQa(runtime.qa());
        log.info("web admin on http://{}:{}/", config.web().bind(), web.port());
    }

    /** The running server; null before {@link #start}. */
    AdminServer server() {
        return server;
    }

    /** The configuration service (revisions, live apply); null before {@link #start}. */
    ConfigService configuration() {
        return configuration;
    }

    @Override
    public void close() {
        AdminServer s = server;
        if (s != null) {
            s.stop();
        }
    }
}
