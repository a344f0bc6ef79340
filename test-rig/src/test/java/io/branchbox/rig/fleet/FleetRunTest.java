package io.branchbox.rig.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.rig.mqtt.MosquittoProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet run's short form in the suite: 40 real uplinks, a real Mosquitto restarted in the
 * middle with reports queued in the boxes' outboxes, and the office's de-duplication. The
 * 1,000-box figure is {@link FleetBench}'s.
 */
class FleetRunTest {

    @TempDir
    Path dir;

    @Test
    void aBrokerRestartLosesNoReportAndTheOfficeDeduplicates() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(MosquittoProcess.installed(), "no mosquitto here (apt-get install mosquitto)");
        }
        FleetRun.Plan plan = new FleetRun.Plan(40, 5, Duration.ofSeconds(6), Duration.ofSeconds(2),
                Duration.ofSeconds(60), Duration.ofSeconds(1));
        // forty boxes each say "connect failed" while the broker is away: expected here, noise in the log
        ch.qos.logback.classic.Logger uplinkLog =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.branchbox.firmware.uplink");
        ch.qos.logback.classic.Level was = uplinkLog.getLevel();
        uplinkLog.setLevel(ch.qos.logback.classic.Level.ERROR);
        FleetRun.Result r;
        try {
            r = new FleetRun(plan, dir).run();
        } finally {
            uplinkLog.setLevel(was);
        }

        assertTrue(r.published() > 600, "the boxes sent: " + r.published());
        assertEquals(0, r.lostBoxes(), "every box's reports reached the office: " + r);
        assertEquals(r.published(), r.receivedDistinct(), "one distinct report per report sent: " + r);
        assertTrue(r.reconnectAllMs() < 60_000, "every box came back: " + r);
    }
}
