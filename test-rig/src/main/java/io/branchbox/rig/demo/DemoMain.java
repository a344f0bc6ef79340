package io.branchbox.rig.demo;

import io.branchbox.box.BoxLauncher;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.firmware.runtime.BoxRuntime;
import java.nio.file.Files;
import io.branchbox.rig.mqtt.EmbeddedBroker;
import io.branchbox.rig.sim.DemoTraffic;
import io.branchbox.rig.sim.SimulatedSite;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./box demo}: the box on simulated hardware with live calls.
 *
 * <pre>
 *   --data DIR            data directory (default ./demo-data)
 *   --web-port N          web admin port (default 8080)
 *   --agents N            simulated agents at seats 1..N (default 4)
 *   --calls-per-minute X  mean rate of simulated callers (default 2)
 * </pre>
 *
 * Starts an embedded MQTT broker (its address is logged), the simulated site (board behind a
 * pseudo-terminal, carrier, seat panels) and the box itself, then callers and agents.
 */
public final class DemoMain {
    private static final Logger log = LoggerFactory.getLogger(DemoMain.class);

    private DemoMain() {}

    /**
     * The demo's document: the simulated site's on the first start; afterwards what a technician
     * saved in the web admin, with only what the simulation makes anew at every start put back
     * (the board's pseudo-terminal, the embedded broker's address, the web port asked for).
     */
    static BoxConfig demoConfig(SimulatedSite site, Path document, String brokerUri, int port)
            throws java.io.IOException, ConfigException {
        BoxConfig fresh = site.config(brokerUri, port, 10);
        if (!Files.exists(document)) {
            ConfigDocuments.write(document, fresh);
            return fresh;
        }
        BoxConfig kept = ConfigDocuments.read(document);
        BoxConfig.Uplink u = kept.uplink();
        log.info("demo: keeping the configuration saved in {} (revision {})", document, kept.revision());
        return kept.withBoard(fresh.board())
                .withUplink(new BoxConfig.Uplink(u.enabled(), u.protocol(), brokerUri, u.username(), u.passwordFile(),
                        u.topicPrefix(), u.healthIntervalS(), u.figuresIntervalS(), u.caFile(), u.clientCertFile(),
                        u.clientKeyFile(), u.commandKeyFile()))
                .withWeb(kept.web().withPort(port));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("demo-data");
        int port = 8080;
        int agents = 4;
        double rate = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--web-port" -> port = Integer.parseInt(args[++i]);
                case "--agents" -> agents = Integer.parseInt(args[++i]);
                case "--calls-per-minute" -> rate = Double.parseDouble(args[++i]);
                default -> {
                    log.error("unknown option {}; options: --data DIR --web-port N --agents N --calls-per-minute X", args[i]);
                    System.exit(2);
                }
            }
        }
        System.setProperty("box.data", data.toString());
        EmbeddedBroker broker = EmbeddedBroker.start(EmbeddedBroker.freePort());
        SimulatedSite site = SimulatedSite.start(data);
        Path document = data.resolve("box.json");
        BoxConfig config = demoConfig(site, document, broker.uri(), port);
        BoxLauncher.Running box = BoxLauncher.start(config, document, data, site.hardware(config), BoxRuntime::console,
                BoxLauncher.NO_RESTART, null, r -> java.util.List.of());
        site.wireBoardLines();
        new DemoTraffic(site, agents, rate, System.nanoTime()).start();
        log.info("ready for calls {} ms after the JVM started (simulated hardware)",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        log.info("demo running: web admin http://localhost:{}/ (user admin, password in {}), MQTT {} topic branchbox/#",
                port, data.resolve("initial-admin-password"), broker.uri());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            box.close();
            site.close();
            broker.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
