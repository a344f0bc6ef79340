package io.branchbox.box;

import io.branchbox.admin.config.ConfigService;
import io.branchbox.admin.web.AdminServer;
import io.branchbox.admin.web.HttpsConfig;
import io.branchbox.admin.web.RouteSpec;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.runtime.BoxOptions;
import io.branchbox.firmware.runtime.BoxRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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

    /**
     * A running box with its web admin; closing it closes the runtime, which stops its services in
     * reverse (the web admin, then the uplink, publishing "offline"), then the engine and the
     * storage. {@code config} is the configuration service of the web admin (revisions, live apply).
     */
    public record Running(BoxRuntime runtime, AdminServer web, ConfigService config) implements AutoCloseable {
        @Override
        public void close() {
            runtime.close();
        }
    }

    /** What the running box does when a technician asks for a restart from the web admin. */
    public static final ConfigService.Restarter NO_RESTART = user -> {
        log.warn("{} asked for a restart, but this box is not run by a service manager", user);
        return false;
    };

    /** Revisions of the document kept for comparison and rollback. */
    static final int REVISIONS_KEPT = 50;

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
            c = withWeb(c, c.web().withPort(o.webPort().get()));
        }
        return c;
    }

    /** Starts the runtime and the web admin with the runtime's own agent console; the document is {@code <data>/box.json}. */
    public static Running start(BoxConfig config, Path dataDir, BoxRuntime.Hardware hw)
            throws IOException, SQLException {
        return start(config, dataDir, hw, BoxRuntime::console);
    }

    /**
     * Starts the runtime and the web admin, with the agent console that {@code consoleOf} gives for
     * the started runtime (null: none); the document is {@code <data>/box.json}; no restart from the web.
     */
    public static Running start(BoxConfig config, Path dataDir, BoxRuntime.Hardware hw,
            Function<BoxRuntime, AgentConsole> consoleOf) throws IOException, SQLException {
        return start(config, dataDir, hw, consoleOf, (HttpsConfig) null);
    }

    /**
     * The box's HTTPS as the document's {@code web.https} says (on by default, on the web port +
     * 363, plain HTTP redirecting to it, the box's own certificate in {@code <data>/tls} or the
     * uploaded one there); null when it is off. {@code BOX_HTTPS=off} (the environment, before
     * schema 3 the only switch) still forces it off, for boxes whose service file sets it; any other
     * value, or none, leaves the choice to the document. Tests and the demo start without it.
     */
    public static HttpsConfig httpsFor(BoxConfig config, Path dataDir, String setting) {
        BoxConfig.Https h = config.web().https();
        if ("off".equalsIgnoreCase(setting)) {
            log.warn("HTTPS is off (BOX_HTTPS=off overrides web.https): the web admin serves plain HTTP only");
            return null;
        }
        if (!h.enabled()) {
            log.warn("HTTPS is off (web.https.enabled is false): the web admin serves plain HTTP only");
            return null;
        }
        return new HttpsConfig(h.port(), dataDir.resolve("tls"), h.redirectHttp(),
                h.certificate() == BoxConfig.CertificateSource.UPLOADED);
    }

    /** As above, serving HTTPS too when {@code https} is given (null: plain HTTP only); the document is {@code <data>/box.json}. */
    public static Running start(BoxConfig config, Path dataDir, BoxRuntime.Hardware hw,
            Function<BoxRuntime, AgentConsole> consoleOf, HttpsConfig https) throws IOException, SQLException {
        return start(config, dataDir.resolve("box.json"), dataDir, hw, consoleOf, NO_RESTART, https, r -> List.of());
    }

    /**
     * As above without HTTPS, with the web admin rows of other areas that {@code areaRoutes} gives
     * for the started runtime (the appliance's system area in {@link BoxMain}).
     */
    public static Running start(BoxConfig config, Path dataDir, BoxRuntime.Hardware hw,
            Function<BoxRuntime, AgentConsole> consoleOf, Function<BoxRuntime, List<RouteSpec>> areaRoutes)
            throws IOException, SQLException {
        return start(config, dataDir.resolve("box.json"), dataDir, hw, consoleOf, NO_RESTART, null, areaRoutes);
    }

    /**
     * Starts the runtime and the web admin (with HTTPS when {@code https} is given). Saved
     * configuration changes become revisions of {@code configPath} and are applied live (the
     * uplink is restarted with its new settings); {@code restarter} is what the web admin's
     * "restart now" does; {@code areaRoutes} gives the web admin rows of other areas.
     */
    public static Running start(BoxConfig config, Path configPath, Path dataDir, BoxRuntime.Hardware hw,
            Function<BoxRuntime, AgentConsole> consoleOf, ConfigService.Restarter restarter, HttpsConfig https,
            Function<BoxRuntime, List<RouteSpec>> areaRoutes)
            throws IOException, SQLException {
        BoxRuntime runtime = BoxRuntime.create(config, dataDir, hw);
        WebAdminService web = new WebAdminService(new WebAdminService.Settings(config, configPath, dataDir, consoleOf,
                restarter, https, areaRoutes));
        runtime.addService(web).start();
        return new Running(runtime, web.server(), web.configuration());
    }

    static BoxConfig withBoard(BoxConfig c, BoxConfig.Board b) {
        return c.withBoard(b);
    }

    static BoxConfig withWeb(BoxConfig c, BoxConfig.Web w) {
        return c.withWeb(w);
    }
}
