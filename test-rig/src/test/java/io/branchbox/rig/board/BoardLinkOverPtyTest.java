package io.branchbox.rig.board;

import static io.branchbox.rig.board.LinkRig.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.link.LinkCounters;
import io.branchbox.drivers.cb1.link.LinkStatus.State;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.ChanClose;
import io.branchbox.drivers.cb1.msg.ChanOpen;
import io.branchbox.drivers.cb1.msg.ClockSource;
import io.branchbox.drivers.cb1.msg.Framing;
import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.drivers.cb1.msg.Unknown;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BoardLink against the board simulator over a real pseudo-terminal, with real time and threads. */
class BoardLinkOverPtyTest {
    private static final BoardSimulator.Inventory ONE_SPAN =
            new BoardSimulator.Inventory("CB1-SIM-0042", "sim-1.0", 1, 8, 16);
    private static final Duration UP = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private LinkRig rig;

    @AfterEach
    void tearDown() {
        if (rig != null) {
            rig.close();
        }
    }

    private LinkRig online(Duration pongTimeout) throws Exception {
        rig = new LinkRig(dir, ONE_SPAN, pongTimeout);
        rig.link.start(rig);
        assertTrue(await(UP, () -> rig.link.status().state() == State.ONLINE), () -> rig.link.status().toString());
        return rig;
    }

    private AckStatus ack(CompletableFuture<AckStatus> f) throws Exception {
        return f.get(3, TimeUnit.SECONDS);
    }

    @Test
    void startUpHandshakeThenCommandsAreAcknowledgedWithTheBoardsVerdict() throws Exception {
        online(Duration.ofMillis(2500));
        assertEquals("up CB1-SIM-0042", rig.events.get(0));
        assertTrue(await(UP, () -> rig.link.counters().pongLatencyMaxMicros() > 0), "PONG answered");

        assertEquals(AckStatus.OK, ack(rig.link.command(new SpanConfig(0, Units.span(0), Framing.CRC4_MULTIFRAME, ClockSource.LINE))));
        assertEquals(AckStatus.BAD_UNIT, ack(rig.link.command(new ChanOpen(0, Units.span(2), 1))));
        assertEquals(AckStatus.BAD_ARGUMENT, ack(rig.link.command(new ChanOpen(0, Units.span(0), 16))));
        assertEquals(AckStatus.UNSUPPORTED, ack(rig.link.command(new Unknown(0x60, 0, Units.BOARD, 0, new byte[0]))));
        assertTrue(await(UP, () -> rig.messages.stream().anyMatch(SpanStatus.class::isInstance)),
                "a configured span reports its status");
        assertTrue(rig.sim.spanConfigured(0));
        assertTrue(await(UP, () -> rig.link.counters().lastHealth().isPresent()), "BOARD_HEALTH kept");
    }

    @Test
    void lostAcksAreRecoveredByResending() throws Exception {
        online(Duration.ofMillis(2500));
        rig.sim.missNextAcks(2);
        assertEquals(AckStatus.OK, ack(rig.link.command(new ChanOpen(0, Units.headset(5), 0))));
        assertEquals(2, rig.link.counters().resends());
        assertEquals(List.of(new ChannelId(Units.headset(5), 0)), rig.sim.openChannels());
        assertEquals(State.ONLINE, rig.link.status().state());
    }

    @Test
    void lateAckAfterAResendCompletesTheCommandOnceAndItsTwinIsIgnored() throws Exception {
        online(Duration.ofMillis(2500));
        rig.sim.delayNextAcks(1, Duration.ofMillis(300));
        assertEquals(AckStatus.OK, ack(rig.link.command(new ChanOpen(0, Units.fxo(3), 0))));
        assertEquals(AckStatus.OK, ack(rig.link.command(new ChanClose(0, Units.fxo(3), 0))));
        assertEquals(1, rig.link.counters().resends(), "one resend at 200 ms, its ACK beats the late one");
        assertEquals(List.of(), rig.sim.openChannels(), "the close was not mistaken for acknowledged early");
    }

    @Test
    void boardStallingIsResetThroughTheResetLineAndComesBack() throws Exception {
        online(Duration.ofMillis(1500));
        rig.sim.stall(Duration.ofSeconds(3));

        assertTrue(await(Duration.ofSeconds(6), () -> rig.events("restarted") == 1), rig.events::toString);
        assertEquals(State.ONLINE, rig.link.status().state());
        assertTrue(rig.pulses.get() >= 1);
        assertEquals(1, rig.events("down"));
        assertTrue(rig.link.counters().resets() >= 1);
    }

    @Test
    void boardResettingInTheMiddleOfOperationIsReportedAsARestart() throws Exception {
        online(Duration.ofMillis(2500));
        assertEquals(AckStatus.OK, ack(rig.link.command(new ChanOpen(0, Units.headset(0), 0))));
        assertEquals(1, rig.sim.openChannels().size());

        rig.sim.spontaneousReset();

        assertTrue(await(UP, () -> rig.events("restarted") == 1), rig.events::toString);
        assertEquals(List.of(), rig.sim.openChannels(), "a reset board has every channel closed");
        assertEquals(0, rig.pulses.get(), "the host did not need to reset it");
        assertEquals(State.ONLINE, rig.link.status().state());
    }

    @Test
    void unpluggedAndRepluggedDeviceIsBackOnlineWithinFiveSeconds() throws Exception {
        online(Duration.ofMillis(2500));
        rig.unplug();
        assertTrue(await(UP, () -> rig.link.status().state() == State.OFFLINE), () -> rig.link.status().toString());
        assertTrue(rig.events("down") >= 1);

        Thread.sleep(700); // absent for more than one reopen interval
        rig.replug();

        assertTrue(await(Duration.ofSeconds(5), () -> rig.link.status().state() == State.ONLINE),
                () -> rig.link.status().toString());
        assertTrue(rig.events("restarted") >= 1);
        assertEquals(AckStatus.OK, ack(rig.link.command(new ChanOpen(0, Units.fxo(0), 0))));
    }

    @Test
    void thirtyEightChannelsOfAudioFlowBothWaysAndBadFcsIsCounted() throws Exception {
        online(Duration.ofMillis(2500));
        List<CompletableFuture<AckStatus>> opens = new ArrayList<>();
        for (int ts = 1; ts <= 31; ts++) {
            if (ts != 16) {
                opens.add(rig.link.command(new ChanOpen(0, Units.span(0), ts)));
            }
        }
        for (int h = 0; h < 8; h++) {
            opens.add(rig.link.command(new ChanOpen(0, Units.headset(h), 0)));
        }
        for (CompletableFuture<AckStatus> f : opens) {
            assertEquals(AckStatus.OK, ack(f));
        }
        assertEquals(38, rig.sim.openChannels().size());

        assertTrue(await(Duration.ofSeconds(10), () -> rig.audioByChannel.size() == 38
                        && rig.audioByChannel.values().stream().allMatch(c -> c.get() >= 100)),
                "every channel delivers at least 100 frames (2 s) to the host");
        for (ChannelId ch : rig.sim.openChannels()) {
            assertTrue(rig.sim.hostAudioFrames(ch.unit(), ch.chan()) >= 90, () -> ch + " host frames");
        }

        rig.sim.setBadFcsRate(0.05);
        long audioBefore = rig.link.counters().audioIn();
        assertTrue(await(Duration.ofSeconds(10), () -> rig.sim.injectedBadFcs() >= 50), "bad frames injected");
        rig.sim.setBadFcsRate(0);
        long injected = rig.sim.injectedBadFcs();
        assertTrue(await(UP, () -> rig.link.counters().badFcs() == injected),
                () -> "host counted " + rig.link.counters().badFcs() + " of " + injected);
        LinkCounters c = rig.link.counters();
        assertTrue(c.audioIn() - audioBefore > 10 * injected, "audio keeps flowing despite the losses");
        assertTrue(c.audioOut() >= 38 * 100);
        assertEquals(State.ONLINE, rig.link.status().state());
    }
}
