package io.branchbox.firmware.trunk.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.firmware.isdn.q931.CallKey;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.firmware.trunk.FakeNetwork;
import io.branchbox.firmware.trunk.LinkedSpan;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BUSY channels without a call are restarted after the grace period, within the rate limits. */
class StuckChannelDetectorTest {
    /** A call reference no call on the span uses: the owner of a "lost" channel. */
    private static final CallKey LOST = new CallKey(900, true);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final LinkedSpan linked = new LinkedSpan(0, scheduler).bringUp();
    private final OutboundTrunk trunk = OutboundTrunk.of(linked.span);
    private final BChannels channels = linked.span.q931().channels();
    private final StuckChannelDetector detector = new StuckChannelDetector(List.of(trunk),
            new ChannelAdmin(Map.of(0, trunk), scheduler),
            new StuckChannelPolicy(Duration.ofSeconds(30), Duration.ofMinutes(1), 4, Duration.ofMinutes(1),
                    Duration.ofSeconds(10)),
            scheduler);
    private int initialRestarts;

    @BeforeEach
    void start() {
        initialRestarts = linked.network.restarts().size();
        detector.start();
    }

    @Test
    void stuckChannelIsRestartedOnceAfterTheGracePeriod() {
        channels.seize(5, LOST, true);

        advanceTo(30);
        assertEquals(List.of(), newRestarts(), "first seen stuck at 10 s: grace not over at 30 s");
        advanceTo(40);

        assertEquals(List.of(List.of(5)), newRestarts());
        assertEquals(ChannelState.IDLE, channels.state(5), "the network acknowledged the RESTART");
        assertEquals(1, detector.restarts());
        advanceTo(300);
        assertEquals(1, newRestarts().size(), "an idle channel is not restarted again");
    }

    @Test
    void aChannelStuckAgainWaitsForItsOneMinuteInterval() {
        channels.seize(5, LOST, true);
        advanceTo(40);
        channels.seize(5, LOST, true);

        advanceTo(90);
        assertEquals(1, newRestarts().size(), "second RESTART of ts 5 held back within the minute");
        assertTrue(detector.suppressed() >= 1);
        advanceTo(100);

        assertEquals(List.of(List.of(5), List.of(5)), newRestarts());
    }

    @Test
    void aSpanGetsAtMostItsLimitOfRestartsPerWindow() {
        for (int ts = 1; ts <= 6; ts++) {
            channels.seize(ts, LOST, true);
        }
        advanceTo(40);
        assertEquals(List.of(List.of(1, 2, 3, 4)), newRestarts(), "one RESTART with the first four");

        advanceTo(90);
        assertEquals(1, newRestarts().size());
        advanceTo(100);
        assertEquals(List.of(List.of(1, 2, 3, 4), List.of(5, 6)), newRestarts());
        assertEquals(6, detector.restarts());
    }

    @Test
    void aChannelWithItsCallIsLeftAlone() {
        linked.network.script(new FakeNetwork.Ring());
        IsdnCall call = linked.span.placeCall("01012345678", null, ChannelPreference.exclusive(31), (c, cause, location) -> { });
        scheduler.runPending();
        assertEquals(ChannelState.BUSY, channels.state(31));

        advanceTo(600);

        assertEquals(List.of(), newRestarts());
        assertEquals(4, call.state(), "still ringing");
    }

    @Test
    void noRestartWhileAnotherIsPending() {
        channels.restarting(7);
        channels.seize(5, LOST, true);
        advanceTo(60);
        assertEquals(List.of(), newRestarts());

        channels.setIdle(7);
        advanceTo(70);
        assertEquals(List.of(List.of(5)), newRestarts());
    }

    private void advanceTo(long seconds) {
        scheduler.advance(Duration.ofSeconds(seconds).minus(scheduler.elapsed()));
        scheduler.runPending();
    }

    private List<List<Integer>> newRestarts() {
        List<List<Integer>> all = linked.network.restarts();
        return all.subList(initialRestarts, all.size());
    }
}
