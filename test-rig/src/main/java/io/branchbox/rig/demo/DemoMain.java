package io.branchbox.rig.demo;

import io.branchbox.box.BoxLauncher;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
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
        BoxConfig config = site.config(broker.uri(), port, 10);
        ConfigDocuments.write(data.resolve("box.json"), config);
        BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config));
        site.wireBoardLines();
        new DemoTraffic(site, agents, rate, System.nanoTime()).start();
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
