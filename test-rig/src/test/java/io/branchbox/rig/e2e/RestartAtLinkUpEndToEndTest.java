package io.branchbox.rig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.box.BoxLauncher;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.rig.carrier.CallOffer;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.rig.carrier.RestartAnswer;
import io.branchbox.rig.mqtt.EmbeddedBroker;
import io.branchbox.rig.mqtt.TestSubscriber;
import io.branchbox.rig.sim.SimulatedSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The box against carriers that offer calls the moment the D-channel comes up, through the whole
 * real path (carrier LAPD → board simulator → pseudo-terminal → the box): SETUPs crossing the
 * box's RESTART are answered, a network that ignores RESTART still gets every call answered and
 * the alarm reaches the central office on MQTT, and nothing is refused.
 */
class RestartAtLinkUpEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void aSetupCrossingTheRestartAtLinkUpIsAnswered() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            List<CompletableFuture<OfferedCall>> calls = site.carrier().offerAtLinkUp(
                    List.of(new CallOffer("13912345678", "95598", 1)));
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                OfferedCall call = calls.get(0).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(1, call.timeslot());
                int[] restarts = new int[1];
                site.carrier().onCarrierThread(n -> restarts[0] = n.restartsReceived());
                waitFor("the box's RESTART at link-up", () -> restarts[0] >= 1 || refresh(site, restarts));
                waitFor("the other channels back from the restart", () -> idle(box) == 29);
                assertEquals(List.of(), events(box, "call.refused"));
            }
        }
    }

    @Test
    void aNetworkThatIgnoresRestartGetsEveryCallAnsweredAndTheAlarmRaised() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
                TestSubscriber office = TestSubscriber.subscribe(broker.uri(), "branchbox/#");
                SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig d = site.config(broker.uri(), 0, 5);
            BoxConfig config = d.withSpans(List.of(new BoxConfig.Span(0, true, BoxConfig.Framing.CRC4,
                    BoxConfig.ClockSource.LINE, BoxConfig.RestartOnLinkUp.ALL_IDLE, 2)));
            site.carrier().setRestartAnswer(RestartAnswer.IGNORE);
            List<CompletableFuture<OfferedCall>> first = site.carrier().offerAtLinkUp(
                    List.of(new CallOffer("13912345678", "95598", 1), new CallOffer("13912345679", "95598", 2)));
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                for (CompletableFuture<OfferedCall> f : first) {
                    f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                // T316 2 s, sent three times: after ~6 s the span gives up waiting and raises the alarm
                List<TestSubscriber.Received> alarm = office.await(m -> m.topic().endsWith("/alarm")
                        && m.payload().contains("E1_SPAN0_RESTART_UNACKNOWLEDGED"), 1, WAIT);
                assertTrue(alarm.get(0).payload().contains("\"severity\":\"major\""), alarm.get(0).payload());
                assertTrue(box.runtime().snapshot().spans().get(0).restartUnacknowledged());
                waitFor("every free channel back in service", () -> idle(box) == 28);
                // later callers are answered too, on channels the box had been restarting
                OfferedCall later = site.carrier().offerCall("13912345670", "95598", 17).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(17, later.timeslot());
                assertEquals(List.of(), events(box, "call.refused"));
                assertTrue(events(box, "span.restart").stream().anyMatch(e -> "UNACKNOWLEDGED".equals(e.attr("kind"))));
                List<TestSubscriber.Received> health = office.await(m -> m.topic().endsWith("/health")
                        && m.payload().contains("\"restartUnacknowledged\":true"), 1, WAIT);
                assertTrue(health.get(0).payload().contains("refusalsByCause"), health.get(0).payload());
            }
        }
    }

    @Test
    void aBurstOfThirtySetupsAtLinkUpIsAllAnswered() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            List<CallOffer> burst = new ArrayList<>();
            for (int ts : BChannels.timeslots()) {
                burst.add(new CallOffer("1391234" + String.format("%04d", ts), "95598", ts));
            }
            List<CompletableFuture<OfferedCall>> calls = site.carrier().offerAtLinkUp(burst);
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                for (CompletableFuture<OfferedCall> f : calls) {
                    f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
                waitFor("30 calls in progress", () -> box.runtime().snapshot().calls().size() == 30);
                assertEquals(List.of(), events(box, "call.refused"));
            }
        }
    }

    @Test
    void aRefusedCallIsInTheJournalTheStatisticsAndTheSnapshot() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 60);
            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                waitFor("layer 2 up", site.carrier()::layer2Up);
                waitFor("channels idle", () -> idle(box) == 30);
                box.runtime().blockChannel(0, 5, "faulty pair");
                waitFor("channel blocked", () -> box.runtime().snapshot().spans().get(0).blocked() == 1);
                java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        java.util.concurrent.ExecutionException.class,
                        () -> site.carrier().offerCall("13912345678", "95598", 5).get(WAIT.toSeconds(), TimeUnit.SECONDS));
                assertEquals(44, ((io.branchbox.rig.carrier.CallRejectedException) refused.getCause()).cause());
                List<JournalEvent> journaled = events(box, "call.refused");
                assertEquals(1, journaled.size());
                assertEquals("44", journaled.get(0).attr("cause"));
                assertEquals("span0/ts5", journaled.get(0).attr("trunk"));
                assertEquals("95598", journaled.get(0).attr("called"));
                io.branchbox.firmware.stats.CallStatistics stats = new io.branchbox.firmware.stats.CallStatistics();
                box.runtime().journal().replay(stats::accept);
                io.branchbox.firmware.stats.ServiceFigures f = stats.takeAndReset();
                assertEquals(1, f.offered());
                assertEquals(1, f.lost().refused());
                waitFor("the refusal in the snapshot",
                        () -> java.util.Map.of(44, 1L).equals(box.runtime().snapshot().spans().get(0).refusals()));
            }
        }
    }

    private static boolean refresh(SimulatedSite site, int[] restarts) {
        site.carrier().onCarrierThread(n -> restarts[0] = n.restartsReceived());
        return false;
    }

    private static int idle(BoxLauncher.Running box) {
        return box.runtime().snapshot().spans().isEmpty() ? -1 : box.runtime().snapshot().spans().get(0).idle();
    }

    private static List<JournalEvent> events(BoxLauncher.Running box, String type) throws Exception {
        box.runtime().journal().flush();
        List<JournalEvent> found = new ArrayList<>();
        box.runtime().journal().replay(e -> {
            if (e.type().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
