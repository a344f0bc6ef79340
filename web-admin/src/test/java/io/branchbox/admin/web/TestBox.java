package io.branchbox.admin.web;

import io.branchbox.admin.config.ConfigService;
import io.branchbox.admin.config.UplinkTester;
import io.branchbox.admin.console.FakeAgentConsole;
import io.branchbox.admin.console.LockedScheduler;
import io.branchbox.admin.prompts.LibraryPromptsBackend;
import io.branchbox.admin.recordings.CatalogRecordingsBackend;
import io.branchbox.admin.status.FakeStatusSource;
import io.branchbox.admin.status.LinesView;
import io.branchbox.admin.users.Role;
import io.branchbox.admin.users.TestDatabase;
import io.branchbox.admin.users.UserStore;
import io.branchbox.firmware.audio.PromptLibrary;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigApplyPlan;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigRevisions;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * A real admin server on an ephemeral port over a fresh database, with the initial admin created
 * and one enabled user per role ({@code <role>-user} / {@link #PASSWORD}, no change due), and the
 * recordings pages over {@link #recordings} (empty until a test puts files there), the agent
 * console over {@link #console}, whose waits time out only when a test advances {@link #consoleTimeouts},
 * and the prompt sets over {@link #prompts}.
 */
final class TestBox implements AutoCloseable {
    static final String PASSWORD = "test password for all roles";

    final Path dataDir;
    /** The admin's clock: the box's time. */
    final Clock clock;
    final DataSource dataSource;
    final Path recordings;
    final UserStore users;
    final FakeStatusSource status = new FakeStatusSource();
    final FakeSpanAdmin spans = new FakeSpanAdmin();
    final FakeAgentConsole console = new FakeAgentConsole();
    final LockedScheduler consoleTimeouts = new LockedScheduler();
    /** The prompt sets, under {@code <dataDir>/prompts}, with the set "site" active. */
    final PromptLibrary prompts;
    /** The configuration document's file, {@code <dataDir>/box.json}, starting as the factory document. */
    final Path configFile;
    /** Documents the configuration service applied, in order. */
    final List<BoxConfig> applied = new CopyOnWriteArrayList<>();
    /** Users who asked for a restart. */
    final List<String> restarts = new CopyOnWriteArrayList<>();
    final ConfigService configuration;
    final AdminServer server;
    /** What the status page's lines section shows: span 0 with channel 5 busy and 7 blocked, two analog lines. */
    volatile LinesView lines = sampleLines();

    TestBox(Path dataDir) {
        this(dataDir, AdminConfig.defaults().withAddress("127.0.0.1", 0));
    }

    TestBox(Path dataDir, AdminConfig config) {
        this(dataDir, config, Clock.systemUTC());
    }

    /** A box whose admin runs on {@code clock} (the box's time, which the push stream sends to pages). */
    TestBox(Path dataDir, Clock clock) {
        this(dataDir, AdminConfig.defaults().withAddress("127.0.0.1", 0), clock);
    }

    TestBox(Path dataDir, AdminConfig config, Clock clock) {
        this(dataDir, config, clock, null);
    }

    /** With HTTPS as {@code https} says (null: plain HTTP only). */
    TestBox(Path dataDir, AdminConfig config, Clock clock, HttpsConfig https) {
        this.clock = clock;
        this.dataDir = dataDir;
        this.dataSource = TestDatabase.migrated();
        this.recordings = dataDir.resolve("recordings");
        this.users = new UserStore(dataSource, TestDatabase.fastHasher(), Clock.systemUTC());
        users.ensureInitialAdmin(dataDir);
        for (Role role : Role.values()) {
            users.create(userFor(role), PASSWORD, role, false);
        }
        this.prompts = new PromptLibrary(dataDir.resolve("prompts"), "site");
        this.configFile = dataDir.resolve("box.json");
        try {
            BoxConfig factory = ConfigDocuments.defaults();
            ConfigDocuments.write(configFile, factory);
            this.configuration = new ConfigService(ConfigRevisions.open(configFile, factory, Clock.systemUTC(), 20),
                    factory, next -> {
                        applied.add(next);
                        return CompletableFuture.completedFuture(ConfigApplyPlan.between(
                                applied.size() > 1 ? applied.get(applied.size() - 2) : factory, next));
                    }, restarts::add, u -> new UplinkTester.Result(false, "config.uplink.unreachable", u.serverUri()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new AdminServer(config, users, status, clock,
                new CatalogRecordingsBackend(dataSource, recordings, Clock.systemUTC(), "test-box"), spans,
                new LibraryPromptsBackend(prompts), https, configuration, List.of()).start();
        server.attachConsole(console, consoleTimeouts);
        server.attachLines(() -> lines);
    }

    static LinesView sampleLines() {
        List<LinesView.Channel> channels = new java.util.ArrayList<>();
        for (int ts = 1; ts <= 31; ts++) {
            if (ts != 16) {
                channels.add(new LinesView.Channel(ts, ts == 5 ? "BUSY" : ts == 7 ? "BLOCKED" : ts == 9 ? "RESTARTING" : "IDLE"));
            }
        }
        return new LinesView(List.of(new LinesView.SpanChannels(0, true, List.of(), channels)),
                List.of(new LinesView.AnalogLine(0, "IDLE", true), new LinesView.AnalogLine(1, "DOWN", false)), 41.5, 5.02);
    }

    static String userFor(Role role) {
        return role.name().toLowerCase() + "-user";
    }

    String initialPassword() {
        try {
            return Files.readString(dataDir.resolve(UserStore.INITIAL_PASSWORD_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    WebClient client() {
        return new WebClient(baseUrl());
    }

    @Override
    public void close() {
        server.stop();
    }
}
