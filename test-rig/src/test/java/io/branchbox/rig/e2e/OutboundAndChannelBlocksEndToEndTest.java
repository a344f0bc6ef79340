package io.branchbox.rig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.box.BoxLauncher;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.trunk.outbound.OutboundResult;
import io.branchbox.rig.sim.SimulatedSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound calls and technician channel blocks through the whole box: the box dials on the PRI
 * with the document's channel selection and the carrier answers; a channel the technician blocked
 * stays blocked across a restart of the box.
 */
class OutboundAndChannelBlocksEndToEndTest {

    @TempDir
    Path data;

    @Test
    void boxDialsOutOnThePriAndJournalsTheAttempt() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                waitFor("layer 2 up", Duration.ofSeconds(20), site.carrier()::layer2Up);
                OutboundResult r = box.runtime().dial("out-1", "01062345678").get(20, TimeUnit.SECONDS);
                OutboundResult.Answered answered = assertInstanceOf(OutboundResult.Answered.class, r);
                assertEquals(31, answered.timeslot(), "HIGHEST_FIRST: the top timeslot first");
                box.runtime().journal().flush();
                List<JournalEvent> attempts = new ArrayList<>();
                box.runtime().journal().replay(e -> {
                    if (e.type().equals("call.attempt")) {
                        attempts.add(e);
                    }
                });
                assertEquals(1, attempts.size(), attempts.toString());
                assertEquals("out-1", attempts.get(0).callId());
            }
        }
    }

    @Test
    void aBlockedChannelStaysBlockedAfterARestart() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                waitFor("layer 2 up", Duration.ofSeconds(20), site.carrier()::layer2Up);
                box.runtime().blockChannel(0, 5, "faulty pair");
                waitFor("channel blocked", Duration.ofSeconds(10), () -> blocked(box) == 1);
            }
        }
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                waitFor("layer 2 up", Duration.ofSeconds(20), site.carrier()::layer2Up);
                waitFor("the block back after the restart", Duration.ofSeconds(10), () -> blocked(box) == 1);
                box.runtime().unblockChannel(0, 5);
                waitFor("channel back in service", Duration.ofSeconds(10), () -> blocked(box) == 0);
                assertTrue(box.runtime().snapshot().spans().get(0).idle() >= 29);
            }
        }
    }

    private static int blocked(BoxLauncher.Running box) {
        return box.runtime().snapshot().spans().isEmpty() ? -1 : box.runtime().snapshot().spans().get(0).blocked();
    }

    private static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
