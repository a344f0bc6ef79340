package io.branchbox.firmware.runtime;

import io.branchbox.drivers.cb1.link.LinkCounters;
import io.branchbox.firmware.uplink.Alarm;
import java.util.Map;

/**
 * Turns the board link's counters into the {@code BOARD_LINK_QUALITY} alarm: once a minute the
 * minute's PONG loss, bad FCS, dropped frames and commands lost without an ACK are compared with
 * {@link Thresholds}; a bad minute raises (WARNING, MAJOR from {@code majorPongLossPercent}), a
 * clean minute clears. A noisy link no longer resets the board (see the driver's keepalive), so
 * this alarm is how the office learns about it.
 *
 * <p>Threading: {@link #update} on the signalling thread with each snapshot. Time is a monotonic
 * reading ({@code System.nanoTime()} in the box, virtual in tests), so a wall-clock step does not
 * shorten or stretch a minute.
 */
final class LinkQuality {
    static final String CODE = "BOARD_LINK_QUALITY";
    private static final long MINUTE_NANOS = 60_000_000_000L;

    /** Per-minute limits; beyond any of them the minute is bad. */
    record Thresholds(double pongLossPercent, double majorPongLossPercent, long badFcsPerMinute,
            long dropsPerMinute, long commandsLostPerMinute) {
        static Thresholds defaults() {
            return new Thresholds(2.0, 20.0, 60, 60, 1);
        }
    }

    private final Thresholds limits;
    private final BoxFaults faults;
    private LinkCounters start;
    private long startNanos;

    LinkQuality(Thresholds limits, BoxFaults faults) {
        this.limits = limits;
        this.faults = faults;
    }

    void update(LinkCounters now, long nowNanos) {
        if (start == null) {
            start = now;
            startNanos = nowNanos;
            return;
        }
        if (nowNanos - startNanos < MINUTE_NANOS) {
            return;
        }
        long pings = now.pingsSent() - start.pingsSent();
        long lost = now.pongsLost() - start.pongsLost();
        long badFcs = now.badFcs() - start.badFcs();
        long drops = now.otherDrops() - start.otherDrops();
        long commands = now.commandsLost() - start.commandsLost();
        start = now;
        startNanos = nowNanos;
        double lossPercent = pings == 0 ? 0 : 100.0 * lost / pings;
        boolean bad = lossPercent > limits.pongLossPercent() || badFcs > limits.badFcsPerMinute()
                || drops > limits.dropsPerMinute() || commands >= limits.commandsLostPerMinute();
        if (!bad) {
            faults.clear(CODE);
            return;
        }
        Alarm.Severity sev = lossPercent > limits.majorPongLossPercent() ? Alarm.Severity.MAJOR : Alarm.Severity.WARNING;
        faults.raise(CODE, sev, String.format("board link noisy in the last minute: %.1f %% PONGs lost, %d bad FCS,"
                + " %d frames dropped, %d command(s) without ACK (calls continue; check the USB cable or UART)",
                lossPercent, badFcs, drops, commands), Map.of("pongLossPercent", Math.round(lossPercent * 10) / 10.0,
                "badFcs", badFcs, "drops", drops, "commandsLost", commands));
    }
}
