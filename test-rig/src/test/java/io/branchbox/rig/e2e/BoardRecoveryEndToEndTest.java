package io.branchbox.rig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.box.BoxLauncher;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.rig.sim.SimulatedSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board failing under a running box, through the real paths: the serial link over a
 * pseudo-terminal, the BOARD_RESET line through Pi4J, the carrier's signalling on the E1.
 * Nobody restarts the box in any of these.
 */
class BoardRecoveryEndToEndTest {

    @TempDir
    Path data;

    private static String boardState(BoxLauncher.Running box) {
        return box.runtime().snapshot().board().state();
    }

    @Test
    void silentBoardIsResetThroughTheGpioLineAndComesBack() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                site.wireBoardLines();
                waitFor("board online", Duration.ofSeconds(15), () -> "ONLINE".equals(boardState(box)));
                long hellos = site.board().hellosSent();

                site.board().stall(Duration.ofSeconds(6)); // the board hangs: no PONG, no ACK

                // no PONG for 2.5 s: the box pulses BOARD_RESET (GPIO17 through Pi4J), the board restarts
                waitFor("a reset pulse on the GPIO line", Duration.ofSeconds(10),
                        () -> box.runtime().snapshot().board().counters().getOrDefault("resets", 0L) >= 1);
                waitFor("board online again after the reset pulse", Duration.ofSeconds(20),
                        () -> "ONLINE".equals(boardState(box)) && site.board().hellosSent() > hellos);
                assertTrue(site.resetPulses() >= 1, "the reset went through the GPIO line");
                waitFor("layer 2 back up", Duration.ofSeconds(20), site.carrier()::layer2Up);
            }
        }
    }

    @Test
    void boardResetDuringACallClearsItOnTheTrunkWithSignalling() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                site.wireBoardLines();
                waitFor("layer 2 up", Duration.ofSeconds(20), site.carrier()::layer2Up);
                OfferedCall call = site.carrier().offerCall("13800138000", "95598", 5).get(15, TimeUnit.SECONDS);
                waitFor("the call in the box", Duration.ofSeconds(5), () -> !box.runtime().snapshot().calls().isEmpty());

                site.board().spontaneousReset(); // every channel closed on the board

                int cause = call.cleared().get(30, TimeUnit.SECONDS);
                assertEquals(41, cause, "temporary failure: the caller may call again");
                waitFor("no call left in the box", Duration.ofSeconds(5), () -> box.runtime().snapshot().calls().isEmpty());
                waitFor("span configured again and layer 2 up", Duration.ofSeconds(20), site.carrier()::layer2Up);
                OfferedCall next = site.carrier().offerCall("13900139000", "95598", 6).get(20, TimeUnit.SECONDS);
                assertEquals(6, next.timeslot(), "the box takes calls again");
            }
        }
    }

    @Test
    void unpluggedAndRepluggedBoardIsBackWithinFiveSeconds() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                site.wireBoardLines();
                waitFor("board online", Duration.ofSeconds(15), () -> "ONLINE".equals(boardState(box)));

                site.unplug();
                waitFor("the box to notice", Duration.ofSeconds(5), () -> !"ONLINE".equals(boardState(box)));
                site.replug();
                long replugged = System.nanoTime();
                waitFor("board online after replug", Duration.ofSeconds(5), () -> "ONLINE".equals(boardState(box)));
                long ms = (System.nanoTime() - replugged) / 1_000_000;
                assertTrue(ms < 5000, "back after " + ms + " ms");
                waitFor("layer 2 back up", Duration.ofSeconds(20), site.carrier()::layer2Up);
            }
        }
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
