package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.time.ThreadNames;
import io.branchbox.drivers.cb1.link.BoardIdentity;
import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.link.BoardLinkSettings;
import io.branchbox.drivers.cb1.link.BoardListener;
import io.branchbox.drivers.cb1.link.JSerialCommLink;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.drivers.cb1.msg.ChanOpen;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.rig.board.AudioEndpoint;
import io.branchbox.rig.board.BoardSimulator;
import io.branchbox.rig.pty.PseudoTerminal;
import io.branchbox.time.ExecutorScheduler;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Latency of the board link's audio path under the normal full load: 38 open channels (30 E1
 * timeslots and 8 headsets), each sending a frame every 20 ms from the board simulator through a
 * real pseudo-terminal and jSerialComm into {@link BoardLink}, and the host answering every frame
 * as the box does. Each frame carries the simulator's {@code System.nanoTime()} at the moment it
 * was written; the listener records the difference when the frame reaches it.
 *
 * <p>Run: {@code ./box bench-main io.branchbox.rig.bench.LinkLatencyBench [seconds]}; prints p50,
 * p99, p99.9 and max in microseconds through the log.
 */
public final class LinkLatencyBench {
    private static final Logger log = LoggerFactory.getLogger(LinkLatencyBench.class);

    private LinkLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path dir = Files.createTempDirectory("latency");
        long[] samples = new long[38 * 50 * (seconds + 5)];
        int[] count = {0};
        long warmupUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        try (PseudoTerminal pty = PseudoTerminal.open(dir.resolve("tty"));
                BoardSimulator board = new BoardSimulator(BoardSimulator.Inventory.full("BENCH"));
                ExecutorScheduler scheduler = new ExecutorScheduler(ThreadNames.SIGNALLING, Clock.systemUTC())) {
            board.attach(pty);
            int[][] channels = channels();
            for (int[] ch : channels) {
                board.setAudioEndpoint(ch[0], ch[1], new AudioEndpoint() {
                    @Override
                    public void nextToHost(byte[] frame) {
                        ByteBuffer.wrap(frame).putLong(0, System.nanoTime());
                    }

                    @Override
                    public void fromHost(byte[] frame) {}
                });
            }
            CountDownLatch up = new CountDownLatch(1);
            BoardLink[] linkRef = new BoardLink[1];
            BoardLink link = new BoardLink(BoardLinkSettings.defaults(pty.devicePath()),
                    () -> new JSerialCommLink(pty.devicePath(), 3_000_000, false), scheduler, d -> board.reset());
            linkRef[0] = link;
            link.start(new BoardListener() {
                @Override
                public void onBoardUp(BoardIdentity id) {
                    up.countDown();
                }

                @Override
                public void onBoardRestarted(BoardIdentity id) {}

                @Override
                public void onBoardDown(String reason) {
                    log.warn("board down during the benchmark: {}", reason);
                }

                @Override
                public void onMessage(Cb1Message m) {}

                @Override
                public void onAudio(int unit, int chan, int frameNo, byte[] buf, int off) {
                    long now = System.nanoTime();
                    long sent = ByteBuffer.wrap(buf, off, 8).getLong();
                    if (now > warmupUntil && count[0] < samples.length) {
                        samples[count[0]++] = now - sent;
                    }
                    linkRef[0].sendAudio(unit, chan, frameNo, buf, off);
                }
            });
            if (!up.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("board did not come up");
            }
            for (int[] ch : channels) {
                link.command(new ChanOpen(0, ch[0], ch[1])).get(2, TimeUnit.SECONDS);
            }
            Thread.sleep(Duration.ofSeconds(seconds + 3).toMillis());
            link.stop();
            long[] s = Arrays.copyOf(samples, count[0]);
            Arrays.sort(s);
            BenchFigures.record("link.latency.p99", us(s, 0.99) / 1000.0, "ms", BenchFigures.Better.LOWER);
            BenchFigures.record("link.latency.max", (s.length == 0 ? 0 : s[s.length - 1]) / 1e6, "ms", BenchFigures.Better.LOWER);
            log.info("{} frames over {} s on {} channels: latency p50 {} us, p99 {} us, p99.9 {} us, max {} us; "
                            + "link counters {}",
                    s.length, seconds, channels.length, us(s, 0.50), us(s, 0.99), us(s, 0.999),
                    s.length == 0 ? 0 : s[s.length - 1] / 1000, link.counters());
        }
    }

    private static long us(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000;
    }

    /** 30 bearer timeslots of span 0 and 8 headsets: the box's normal full load. */
    private static int[][] channels() {
        int[][] list = new int[38][];
        int i = 0;
        for (int ts = 1; ts <= 31; ts++) {
            if (ts != SpanConfig.D_CHANNEL_TIMESLOT) {
                list[i++] = new int[] {Units.span(0), ts};
            }
        }
        for (int h = 0; h < 8; h++) {
            list[i++] = new int[] {Units.headset(h), 0};
        }
        return list;
    }
}
