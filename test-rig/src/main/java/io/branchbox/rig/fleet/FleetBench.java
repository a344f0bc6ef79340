package io.branchbox.rig.fleet;

import ch.qos.logback.classic.Level;
import io.branchbox.rig.bench.BenchFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet figure of issue 20: 1,000 box uplinks (the product's own code and default back-off)
 * against Mosquitto on loopback, a broker restart in the middle, the office de-duplicating by
 * (site, box, id). Results are logged at INFO; docs/FLEET.md and docs/BENCHMARKS.md quote them.
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.fleet.FleetBench [boxes=1000] [reportsPerBoxPerSecond=1]
 * [runSeconds=60] [brokerDownSeconds=10]}.
 */
public final class FleetBench {

    private static final Logger log = LoggerFactory.getLogger(FleetBench.class);

    /** Paho 5 logs through java.util.logging (a broken pipe per box while the broker is away); held so it is not collected. */
    private static final java.util.logging.Logger PAHO_JUL = java.util.logging.Logger.getLogger("org.eclipse.paho");

    private FleetBench() {}

    public static void main(String[] args) throws Exception {
        for (String noisy : new String[] {"org.eclipse.paho", "io.branchbox.firmware.uplink"}) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.OFF);
        }
        PAHO_JUL.setLevel(java.util.logging.Level.OFF);
        int boxes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        Duration run = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        Duration down = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 10);
        Path dir = Files.createTempDirectory("fleet");
        FleetRun.Plan plan = new FleetRun.Plan(boxes, rate, run, down, Duration.ofMinutes(5), null);
        log.info("fleet: {} boxes, {} health report(s)/s each, {} s of sending, broker away {} s from the middle; "
                + "{} core(s), java {}", boxes, rate, run.toSeconds(), down.toSeconds(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        FleetRun.Result r = new FleetRun(plan, dir).run();
        log.info("fleet: all {} connected in {} ms; office received {} msg/s steady; after the broker's return all "
                + "reconnected in {} ms and the backlog drained in {} ms", boxes, r.connectAllMs(),
                Math.round(r.steadyRate()), r.reconnectAllMs(), r.drainMs());
        log.info("fleet: published {}, distinct at the office {}, duplicates removed {}, boxes missing reports {} -> {}",
                r.published(), r.receivedDistinct(), r.duplicates(), r.lostBoxes(),
                r.nothingLost() ? "nothing lost" : "LOST REPORTS");
        BenchFigures.record("fleet.steadyRate", r.steadyRate(), "msg/s at the office", BenchFigures.Better.HIGHER);
        BenchFigures.record("fleet.reconnectAll", r.reconnectAllMs() / 1000.0, "s after the broker's return",
                BenchFigures.Better.LOWER);
        BenchFigures.record("fleet.drain", r.drainMs() / 1000.0, "s", BenchFigures.Better.LOWER);
        BenchFigures.record("fleet.lost", r.published() - r.receivedDistinct(), "reports", BenchFigures.Better.LOWER);
        System.exit(r.nothingLost() ? 0 : 1);
    }
}
