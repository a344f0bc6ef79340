package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.msg.Cb1Codec;
import io.branchbox.drivers.cb1.msg.Ping;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * PING every interval and watch what comes back.
 *
 * <p>The board is declared failed only when it is really silent: no frame at all (PONG, AUDIO,
 * status, anything with a good FCS) for {@code pongTimeout}. Lost PONGs on a link that still
 * carries the board's audio are link quality, counted as {@code pongsLost}, not a dead board:
 * resetting it would hang up on every caller (issue 13, problem 5). Latency is measured for the
 * PONG that answers the most recent PING.
 *
 * <p>Threading: confined to the board link's scheduler thread.
 */
final class Keepalive {
    private final Scheduler scheduler;
    private final Duration interval;
    private final long timeoutMicros;
    private final Consumer<byte[]> sender;
    private final Consumer<String> boardFailed;
    private final CounterSet counters;
    private Scheduler.Timer timer = Scheduler.Timer.NONE;
    private long token;
    private long lastSentMicros;
    private long lastPongMicros;
    private long lastHeardMicros;
    private long framesSeen;
    private boolean answered = true;

    Keepalive(Scheduler scheduler, BoardLinkSettings s, Consumer<byte[]> sender, Consumer<String> boardFailed,
            CounterSet counters) {
        this.scheduler = scheduler;
        this.interval = s.pingInterval();
        this.timeoutMicros = s.pongTimeout().toNanos() / 1000;
        this.sender = sender;
        this.boardFailed = boardFailed;
        this.counters = counters;
    }

    /** (Re)starts pinging now; the board counts as alive at this instant. */
    void start() {
        timer.cancel();
        lastPongMicros = nowMicros();
        lastHeardMicros = lastPongMicros;
        framesSeen = counters.framesIn.get();
        answered = true;
        timer = scheduler.scheduleAtFixedRate(Duration.ZERO, interval, this::tick);
    }

    void stop() {
        timer.cancel();
    }

    void onPong(long pongToken) {
        long now = nowMicros();
        lastPongMicros = now;
        lastHeardMicros = now;
        if (pongToken == token) {
            answered = true;
            counters.pongLatency(now - lastSentMicros);
        }
    }

    private void tick() {
        long now = nowMicros();
        long frames = counters.framesIn.get();
        if (frames != framesSeen) {
            framesSeen = frames;
            lastHeardMicros = now;
        }
        if (!answered) {
            counters.pongsLost.incrementAndGet();
        }
        if (now - lastHeardMicros > timeoutMicros) {
            timer.cancel();
            boardFailed.accept("board silent: no frame at all for " + (now - lastHeardMicros) / 1000
                    + " ms (last PONG " + (now - lastPongMicros) / 1000 + " ms ago)");
            return;
        }
        answered = false;
        counters.pingsSent.incrementAndGet();
        token = (token + 1) & 0xFFFF_FFFFL;
        lastSentMicros = now;
        sender.accept(Cb1Codec.encode(new Ping(0, Units.BOARD, 0, token)));
    }

    /** True when a good frame of any kind arrived within {@code pongTimeout}: the board is not silent. */
    boolean heardRecently() {
        long now = nowMicros();
        long frames = counters.framesIn.get();
        if (frames != framesSeen) {
            framesSeen = frames;
            lastHeardMicros = now;
        }
        return now - lastHeardMicros <= timeoutMicros;
    }

    /** Monotonic: a wall-clock step must neither reset a healthy board nor hide a silent one. */
    private long nowMicros() {
        return scheduler.monotonicNanos() / 1000;
    }
}
