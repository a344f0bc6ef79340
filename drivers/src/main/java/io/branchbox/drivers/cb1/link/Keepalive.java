package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.msg.Cb1Codec;
import io.branchbox.drivers.cb1.msg.Ping;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * PING every interval and watch the PONGs.
 *
 * <p>The board is declared failed only when no PONG at all arrived for {@code pongTimeout}, not
 * when a single one is missing: a PONG lost to a bad FCS is normal on this link. Latency is
 * measured for the PONG that answers the most recent PING.
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
        timer = scheduler.scheduleAtFixedRate(Duration.ZERO, interval, this::tick);
    }

    void stop() {
        timer.cancel();
    }

    void onPong(long pongToken) {
        long now = nowMicros();
        lastPongMicros = now;
        if (pongToken == token) {
            counters.pongLatency(now - lastSentMicros);
        }
    }

    private void tick() {
        long now = nowMicros();
        if (now - lastPongMicros > timeoutMicros) {
            timer.cancel();
            boardFailed.accept("no PONG for " + (now - lastPongMicros) / 1000 + " ms");
            return;
        }
        token = (token + 1) & 0xFFFF_FFFFL;
        lastSentMicros = now;
        sender.accept(Cb1Codec.encode(new Ping(0, Units.BOARD, 0, token)));
    }

    private long nowMicros() {
        Instant i = scheduler.clock().instant();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }
}
