package io.branchbox.rig.board;

import static io.branchbox.rig.board.LinkRig.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.msg.Ack;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.Audio;
import io.branchbox.drivers.cb1.msg.ChanClose;
import io.branchbox.drivers.cb1.msg.ChanOpen;
import io.branchbox.drivers.cb1.msg.ClockSource;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.drivers.cb1.msg.DChannel;
import io.branchbox.drivers.cb1.msg.Framing;
import io.branchbox.drivers.cb1.msg.FxoHook;
import io.branchbox.drivers.cb1.msg.HeadsetEvent;
import io.branchbox.drivers.cb1.msg.HeadsetEventKind;
import io.branchbox.drivers.cb1.msg.Hello;
import io.branchbox.drivers.cb1.msg.HookState;
import io.branchbox.drivers.cb1.msg.Ping;
import io.branchbox.drivers.cb1.msg.Pong;
import io.branchbox.drivers.cb1.msg.Reset;
import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.drivers.cb1.msg.Unknown;
import io.branchbox.rig.pty.PseudoTerminal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator against a bare host over a real pty: datasheet section 5 from the board's side. */
class BoardSimulatorTest {
    /** SPAN_CONFIG with a D-channel other than 16, which the host codec refuses to build. */
    private static final byte[] SPAN_CONFIG_DCHAN_15 = {
        0x10,       // type SPAN_CONFIG
        0x07,       // seq 7
        0x10,       // unit span 0
        0x00,       // chan 0
        0x00,       // framing CRC-4 multiframe
        0x00,       // clock from line
        0x0F,       // dchan 15: must be 16
    };
    private static final byte[] LAPD = {0x00, 0x01, 0x7F};

    @TempDir
    Path dir;

    private BoardSimulator sim;
    private PseudoTerminal pty;
    private RawHost host;

    @BeforeEach
    void setUp() throws Exception {
        sim = new BoardSimulator(new BoardSimulator.Inventory("SIM-7", "fw-9", 1, 2, 4));
        pty = PseudoTerminal.open(dir.resolve("tty"));
        host = new RawHost(pty.devicePath());
        sim.attach(pty);
        Hello hello = host.next(Hello.class);
        assertNotNull(hello, "HELLO at power-up");
        assertEquals("SIM-7", hello.serial());
        assertEquals(List.of(1, 2, 4), List.of(hello.spans(), hello.fxo(), hello.headsets()));
    }

    @AfterEach
    void tearDown() {
        host.close();
        sim.close();
        pty.close();
    }

    private Ack ackFor(int unit, int seq) throws InterruptedException {
        return host.next(Ack.class, a -> a.unit() == unit && a.ackedSeq() == seq);
    }

    @Test
    void repeatedSeqIsAcknowledgedAgainButNotExecutedTwice() throws Exception {
        int unit = Units.headset(0);
        host.send(new ChanOpen(5, unit, 0));
        assertEquals(AckStatus.OK, ackFor(unit, 5).status());
        host.send(new ChanClose(5, unit, 0));
        assertEquals(AckStatus.OK, ackFor(unit, 5).status(), "the repeat gets the first verdict");
        assertEquals(List.of(new ChannelId(unit, 0)), sim.openChannels(), "the repeat did not close it");
    }

    @Test
    void refusesUnknownTypesMissingUnitsAndBadArguments() throws Exception {
        host.send(new Unknown(0x66, 1, Units.BOARD, 0, new byte[] {1}));
        assertEquals(AckStatus.UNSUPPORTED, ackFor(Units.BOARD, 1).status());
        host.send(new ChanOpen(2, Units.headset(9), 0));
        assertEquals(AckStatus.BAD_UNIT, ackFor(Units.headset(9), 2).status());
        host.sendContent(SPAN_CONFIG_DCHAN_15);
        assertEquals(AckStatus.BAD_ARGUMENT, ackFor(Units.span(0), 7).status());
        host.send(new FxoHook(3, Units.fxo(1), 0, HookState.OFF_HOOK, 0));
        assertEquals(AckStatus.OK, ackFor(Units.fxo(1), 3).status());
        assertEquals(HookState.OFF_HOOK, sim.hookState(1));
    }

    @Test
    void resetCommandIsAcknowledgedThenHelloFollowsWithEverythingClosed() throws Exception {
        host.send(new ChanOpen(1, Units.headset(1), 0));
        assertNotNull(ackFor(Units.headset(1), 1));
        host.send(new Reset(9, Units.BOARD, 0));
        assertEquals(AckStatus.OK, ackFor(Units.BOARD, 9).status());
        assertNotNull(host.next(Hello.class));
        assertEquals(List.of(), sim.openChannels());
    }

    @Test
    void hostLostAfterThreeSecondsWithoutPingEndsWithHelloBeforePong() throws Exception {
        host.send(new Ping(0, Units.BOARD, 0, 41));
        assertEquals(41, host.next(Pong.class).token());
        host.send(new ChanOpen(1, Units.fxo(0), 0));
        assertNotNull(ackFor(Units.fxo(0), 1));

        assertTrue(await(Duration.ofSeconds(5), sim::hostLost), "host-lost after 3 s without PING");
        assertEquals(List.of(), sim.openChannels());
        host.received.clear();
        host.send(new Ping(0, Units.BOARD, 0, 42));

        Cb1Message first = host.next(Cb1Message.class, m -> m instanceof Hello || m instanceof Pong);
        assertInstanceOf(Hello.class, first, "HELLO comes before the PONG that ends host-lost");
        assertEquals(42, host.next(Pong.class).token());
        assertFalse(sim.hostLost());
    }

    /** Sends LAPD from the far end of {@code span}; whether the board relayed it (the sender does not wait). */
    private boolean relayed(int span) throws Exception {
        CompletableFuture<Boolean> relayed = new CompletableFuture<>();
        sim.toHost(span, LAPD, relayed::complete);
        return relayed.get(30, TimeUnit.SECONDS);
    }

    @Test
    void dChannelIsRelayedOnlyOnAConfiguredSpanWithoutAlarms() throws Exception {
        List<byte[]> atPeer = new CopyOnWriteArrayList<>();
        sim.attachSpan(0, atPeer::add);
        assertFalse(relayed(0), "unconfigured span relays nothing");

        host.send(new SpanConfig(4, Units.span(0), Framing.CRC4_MULTIFRAME, ClockSource.LINE));
        assertEquals(AckStatus.OK, ackFor(Units.span(0), 4).status());
        assertTrue(relayed(0));
        assertArrayEquals(LAPD, host.next(DChannel.class).lapd());
        host.send(new DChannel(0, Units.span(0), 16, LAPD));
        assertTrue(await(Duration.ofSeconds(2), () -> atPeer.size() == 1));

        sim.setAlarms(0, SpanStatus.LOS);
        assertNotNull(host.next(SpanStatus.class, s -> s.has(SpanStatus.LOS)), "alarm change reported");
        assertFalse(relayed(0), "no relay while LOS");
        long before = sim.framesReceived();
        host.send(new DChannel(0, Units.span(0), 16, LAPD));
        // the frame is queued for the board's core before the alarm clears
        assertTrue(await(Duration.ofSeconds(2), () -> sim.framesReceived() > before));
        sim.setAlarms(0, 0);
        assertNotNull(host.next(SpanStatus.class, SpanStatus::clear));
        assertEquals(1, atPeer.size(), "the frame sent during LOS was not relayed");
    }

    @Test
    void openChannelSendsNumberedFramesAndPlaysHostAudioThroughTheJitterBuffer() throws Exception {
        int unit = Units.headset(2);
        List<Byte> played = new CopyOnWriteArrayList<>();
        sim.setAudioEndpoint(unit, 0, new AudioEndpoint() {
            @Override
            public void nextToHost(byte[] frame160) {
                java.util.Arrays.fill(frame160, (byte) 0x55);
            }

            @Override
            public void fromHost(byte[] frame160) {
                played.add(frame160[0]);
            }
        });
        host.send(new ChanOpen(1, unit, 0));
        assertNotNull(ackFor(unit, 1));
        Audio a0 = host.next(Audio.class);
        Audio a1 = host.next(Audio.class);
        assertEquals(0, a0.frameNo());
        assertEquals(1, a1.frameNo());
        assertEquals(0x55, a0.alaw()[0] & 0xFF);

        byte[] tone = new byte[160];
        java.util.Arrays.fill(tone, (byte) 0x12);
        host.send(new Audio(0, unit, 0, 0, tone));
        assertTrue(await(Duration.ofSeconds(2), () -> played.contains((byte) 0x12)), "host audio played");
        assertEquals(1, sim.hostAudioFrames(unit, 0));
        assertTrue(await(Duration.ofSeconds(2), () -> sim.underruns() > 0), "no more host frames: underruns");
    }

    @Test
    void droppedFramesNeverReachTheHost() throws Exception {
        sim.setDropRate(1.0);
        sim.plugHeadset(1, true);
        sim.hellosSent(); // a round trip through the core: the plug event has been sent by now
        assertTrue(sim.injectedDrops() >= 1);
        sim.setDropRate(0);
        sim.plugHeadset(1, false);
        assertEquals(HeadsetEventKind.UNPLUGGED, host.next(HeadsetEvent.class).event(), "the PLUGGED event was lost");
    }

    @Test
    void headsetPlugIsReported() throws Exception {
        sim.plugHeadset(3, true);
        HeadsetEvent e = host.next(HeadsetEvent.class);
        assertEquals(Units.headset(3), e.unit());
        assertEquals(HeadsetEventKind.PLUGGED, e.event());
    }
}
