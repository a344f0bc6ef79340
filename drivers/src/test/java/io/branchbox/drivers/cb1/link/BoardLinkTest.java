package io.branchbox.drivers.cb1.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.msg.Ack;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.AudioFrames;
import io.branchbox.drivers.cb1.msg.BoardHealth;
import io.branchbox.drivers.cb1.msg.ChanOpen;
import io.branchbox.drivers.cb1.msg.Hello;
import io.branchbox.drivers.cb1.msg.Ping;
import io.branchbox.drivers.cb1.msg.Pong;
import io.branchbox.drivers.cb1.msg.Query;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.drivers.cb1.link.LinkStatus.State;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoardLinkTest {
    /** QUERY as the host must put it on the wire. */
    private static final byte[] QUERY_FRAME = {
        0x7E,             // opening flag
        0x02,             // type QUERY
        0x00,             // seq 0: no ACK wanted
        0x00,             // unit: the board
        0x00,             // chan 0
        (byte) 0xA8,      // FCS low byte (CRC-16/X.25 of the four content bytes is 0xC5A8)
        (byte) 0xC5,      // FCS high byte
        0x7E,             // closing flag
    };

    private static final Hello HELLO = new Hello(0, Units.BOARD, 0, 1, 1, 8, 16, "CB1-000123", "1.4.2");
    private static final Duration ACK_TIMEOUT = Duration.ofMillis(200);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<FakeByteLink> links = new ArrayList<>();
    private final List<Duration> pulses = new ArrayList<>();
    private final RecordingListener listener = new RecordingListener();
    private BoardLink link;
    private int failingOpens;

    @BeforeEach
    void setUp() {
        link = new BoardLink(BoardLinkSettings.defaults(Path.of("/dev/ttyACM0")), this::newLink, scheduler,
                pulses::add, true);
    }

    private FakeByteLink newLink() {
        FakeByteLink l = new FakeByteLink();
        l.failOpen = failingOpens > 0;
        failingOpens = Math.max(0, failingOpens - 1);
        links.add(l);
        return l;
    }

    private FakeByteLink board() {
        return links.get(links.size() - 1);
    }

    private void bringOnline() {
        link.start(listener);
        scheduler.runPending();
        board().boardSends(HELLO);
        scheduler.runPending();
    }

    private void pong() {
        List<Ping> pings = board().sent(Ping.class);
        board().boardSends(new Pong(0, Units.BOARD, 0, pings.get(pings.size() - 1).token()));
        scheduler.runPending();
    }

    @Test
    void startSendsQueryAndHelloBringsTheBoardUp() {
        link.start(listener);
        assertEquals(State.STARTING, link.status().state());
        scheduler.runPending();
        assertArrayEquals(QUERY_FRAME, board().raw.toByteArray());

        board().boardSends(HELLO);
        scheduler.runPending();

        assertEquals(State.ONLINE, link.status().state());
        assertEquals(List.of("up CB1-000123"), listener.events);
        assertEquals(new BoardIdentity("CB1-000123", "1.4.2", 1, 1, 8, 16), link.identity());
        assertInstanceOf(Ping.class, board().written.get(1), "first PING right after HELLO");
    }

    @Test
    void pingsEveryHalfSecondWithANewTokenAndMeasuresPongLatency() {
        bringOnline();
        for (int i = 0; i < 3; i++) {
            scheduler.advance(Duration.ofMillis(30));
            pong();
            scheduler.advance(Duration.ofMillis(470));
        }
        List<Long> tokens = board().sent(Ping.class).stream().map(Ping::token).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L), tokens);
        assertEquals(30_000, link.counters().pongLatencyLastMicros());
        assertEquals(State.ONLINE, link.status().state());
    }

    @Test
    void silenceBeyondThePongTimeoutResetsTheBoard() {
        bringOnline();
        scheduler.advance(Duration.ofSeconds(3));

        assertEquals(State.RESETTING, link.status().state());
        assertEquals(List.of(BoardLink.RESET_PULSE), pulses);
        assertTrue(BoardLink.RESET_PULSE.toMillis() >= 10);
        assertEquals(List.of("up CB1-000123", "down"), listener.events);
    }

    @Test
    void lostPongsOnALinkThatStillCarriesAudioNeverResetTheBoard() {
        bringOnline();
        byte[] content = new byte[AudioFrames.CONTENT_LEN];
        for (int i = 0; i < 200; i++) { // 20 s of audio, every PONG lost
            AudioFrames.encode(content, 0, Units.span(0), 1, i, new byte[160], 0);
            board().boardSendsContent(content);
            scheduler.advance(Duration.ofMillis(100));
        }
        assertEquals(State.ONLINE, link.status().state());
        assertEquals(List.of(), pulses);
        assertTrue(link.counters().pongsLost() >= 35, "lost PONGs are counted: " + link.counters().pongsLost());

        scheduler.advance(Duration.ofSeconds(3)); // then truly silent
        assertEquals(State.RESETTING, link.status().state());
    }

    @Test
    void aWallClockStepOfAnHourNeitherResetsTheBoardNorHidesASilentOne() {
        bringOnline();
        scheduler.advance(Duration.ofMillis(30));
        pong();
        scheduler.stepWallClock(Duration.ofHours(1)); // NTP steps the clock forward
        scheduler.advance(Duration.ofMillis(470));
        pong();
        scheduler.stepWallClock(Duration.ofHours(-2)); // and back, an hour behind
        scheduler.advance(Duration.ofMillis(500));
        assertEquals(State.ONLINE, link.status().state());
        assertEquals(List.of(), pulses);

        scheduler.advance(Duration.ofSeconds(3)); // silent: still found within the timeout
        assertEquals(State.RESETTING, link.status().state());
    }

    @Test
    void anUnansweredCommandWhileTheBoardIsHeardFailsWithoutAReset() throws Exception {
        bringOnline();
        CompletableFuture<AckStatus> f = link.command(new ChanOpen(0, Units.headset(2), 0));
        scheduler.runPending();
        for (int i = 0; i < 4; i++) {
            scheduler.advance(ACK_TIMEOUT);
        }
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
        assertEquals(CommandFailedException.Reason.NO_ACK, ((CommandFailedException) e.getCause()).reason());
        assertEquals(List.of(), pulses, "the board answered HELLO a moment ago: not silent");
        assertEquals(State.ONLINE, link.status().state());
        assertEquals(1, link.counters().commandsLost());
    }

    @Test
    void unacknowledgedCommandIsResentThreeTimesThenASilentBoardIsReset() throws Exception {
        bringOnline();
        scheduler.advance(Duration.ofMillis(1800)); // PONGs stop: the board has gone quiet
        CompletableFuture<AckStatus> f = link.command(new ChanOpen(0, Units.headset(2), 0));
        scheduler.runPending();
        for (int i = 0; i < 3; i++) {
            scheduler.advance(ACK_TIMEOUT);
        }
        List<ChanOpen> sends = board().sent(ChanOpen.class);
        assertEquals(4, sends.size());
        assertTrue(sends.stream().allMatch(c -> c.seq() == 1), "resends keep the seq");
        assertFalse(f.isDone());

        scheduler.advance(ACK_TIMEOUT);

        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, f::get);
        assertEquals(CommandFailedException.Reason.NO_ACK, ((CommandFailedException) e.getCause()).reason());
        assertEquals(3, link.counters().resends());
        assertEquals(1, link.counters().ackTimeouts());
        assertEquals(1, pulses.size());
        assertEquals(State.RESETTING, link.status().state());

        board().boardSends(HELLO);
        scheduler.runPending();
        assertEquals(State.ONLINE, link.status().state());
        assertEquals("restarted CB1-000123", listener.events.get(listener.events.size() - 1));
    }

    @Test
    void duplicateAckIsIgnoredAndDoesNotCompleteTheNextCommand() throws Exception {
        bringOnline();
        int unit = Units.fxo(1);
        CompletableFuture<AckStatus> first = link.command(new ChanOpen(0, unit, 0));
        scheduler.runPending();
        scheduler.advance(ACK_TIMEOUT);
        board().boardSends(new Ack(0, unit, 0, 1, AckStatus.OK));
        board().boardSends(new Ack(0, unit, 0, 1, AckStatus.OK));
        CompletableFuture<AckStatus> second = link.command(new ChanOpen(0, unit, 0));
        scheduler.runPending();
        board().boardSends(new Ack(0, unit, 0, 1, AckStatus.OK));
        scheduler.runPending();

        assertEquals(AckStatus.OK, first.get());
        assertFalse(second.isDone(), "an ACK for seq 1 must not complete seq 2");
        assertEquals(List.of(1, 1, 2), board().sent(ChanOpen.class).stream().map(ChanOpen::seq).toList());

        board().boardSends(new Ack(0, unit, 0, 2, AckStatus.BAD_STATE));
        scheduler.runPending();
        assertEquals(AckStatus.BAD_STATE, second.get());
    }

    @Test
    void sequenceNumbersRunPerUnitFrom1To255AndSkip0() {
        bringOnline();
        int unit = Units.span(0);
        for (int i = 0; i < 256; i++) {
            link.command(new ChanOpen(0, unit, 1));
            scheduler.runPending();
            List<ChanOpen> sent = board().sent(ChanOpen.class);
            ChanOpen last = sent.get(sent.size() - 1);
            board().boardSends(new Ack(0, unit, 1, last.seq(), AckStatus.OK));
            scheduler.runPending();
        }
        List<Integer> seqs = board().sent(ChanOpen.class).stream().map(ChanOpen::seq).toList();
        assertEquals(1, seqs.get(0));
        assertEquals(255, seqs.get(254));
        assertEquals(1, seqs.get(255), "after 255 comes 1, never 0");
        link.command(new ChanOpen(0, Units.headset(0), 0));
        scheduler.runPending();
        List<ChanOpen> sent = board().sent(ChanOpen.class);
        assertEquals(1, sent.get(sent.size() - 1).seq(), "another unit has its own sequence");
    }

    @Test
    void staleHelloAheadOfTheQueryAnswerIsNotARestart() {
        bringOnline();
        board().boardSends(HELLO);
        scheduler.runPending();
        assertEquals(List.of("up CB1-000123"), listener.events, "second HELLO answers the QUERY");

        pong();
        board().boardSends(HELLO);
        scheduler.runPending();
        assertEquals(List.of("up CB1-000123", "restarted CB1-000123"), listener.events);
    }

    @Test
    void helloInTheMiddleOfOperationIsARestartAndFailsPendingCommands() {
        bringOnline();
        pong();
        CompletableFuture<AckStatus> f = link.command(new ChanOpen(0, Units.headset(0), 0));
        scheduler.runPending();

        board().boardSends(HELLO);
        scheduler.runPending();

        assertEquals(List.of("up CB1-000123", "restarted CB1-000123"), listener.events);
        assertTrue(f.isCompletedExceptionally());
        assertEquals(State.ONLINE, link.status().state());
    }

    @Test
    void noHelloAfterResetRetriesWithGrowingWaits() {
        link.start(listener);
        scheduler.runPending();
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(1, pulses.size(), "no HELLO within 1 s of QUERY: reset");
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(2, pulses.size());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(2, pulses.size(), "second wait is 2 s");
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(3, pulses.size());
        assertEquals(State.RESETTING, link.status().state());
    }

    @Test
    void vanishedDeviceIsReopenedAndTheBoardFoundAgain() {
        bringOnline();
        board().vanish();
        scheduler.runPending();
        assertEquals(State.OFFLINE, link.status().state());
        assertEquals("down", listener.events.get(1));

        failingOpens = 1;
        scheduler.advance(Duration.ofMillis(500));
        assertEquals(State.OFFLINE, link.status().state());
        assertTrue(link.status().reason().contains("no such device"), link.status().reason());
        scheduler.advance(Duration.ofMillis(500));
        assertEquals(3, links.size(), "keeps trying every 500 ms");
        assertEquals(State.STARTING, link.status().state());

        board().boardSends(HELLO);
        scheduler.runPending();
        assertEquals(State.ONLINE, link.status().state());
        assertEquals("restarted CB1-000123", listener.events.get(2));
        assertInstanceOf(Query.class, board().written.get(0));
    }

    @Test
    void audioIsDeliveredOnTheFastPathAndOtherMessagesForwarded() {
        bringOnline();
        byte[] content = new byte[AudioFrames.CONTENT_LEN];
        byte[] samples = new byte[160];
        samples[0] = 0x11;
        samples[159] = 0x22;
        AudioFrames.encode(content, 0, Units.span(0), 5, 700, samples, 0);
        board().boardSendsContent(content);
        board().boardSends(new SpanStatus(0, Units.span(0), 0, SpanStatus.LOS, 1, 2, 3));
        board().boardSends(new BoardHealth(0, Units.BOARD, 0, 412, 5010, 99, 0, 0));
        scheduler.runPending();

        assertEquals(List.of(Units.span(0) + "/5#700:17..34"), listener.audio);
        assertEquals(2, listener.messages.size());
        assertEquals(412, link.counters().lastHealth().orElseThrow().tempTenths());
        assertEquals(1, link.counters().audioIn());

        link.sendAudio(Units.headset(3), 0, 9, samples, 0);
        assertEquals(1, link.counters().audioOut());
    }

    @Test
    void badFcsIsCountedAndTheNextFrameStillArrives() {
        bringOnline();
        byte[] corrupt = {0x7E, 0x11, 0x00, 0x10, 0x00, 0x00, 0x00, 0x7E};
        board().boardSendsBytes(corrupt);
        board().boardSends(new SpanStatus(0, Units.span(0), 0, 0, 0, 0, 0));
        scheduler.runPending();
        assertEquals(1, link.counters().badFcs());
        assertEquals(1, listener.messages.size());
    }
}
