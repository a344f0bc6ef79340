package io.branchbox.rig.bench;

import io.branchbox.time.ThreadNames;
import io.branchbox.rig.panel.Mcp23017Simulator;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches what the box writes to the seat panels' MCP23017 port B (OLATB or GPIOB), the way the
 * LEDs would see it, and reports each rising edge of a seat's red CALL LED bit.
 *
 * <p>The simulator logs register writes without timestamps, so a poller thread drains the log of
 * every expander (atomically, holding the simulator's own lock) about every {@code periodMicros};
 * an edge is stamped when the poll sees it, i.e. at most one poll gap after the write. The gaps
 * are kept so the benchmark can state its resolution.
 *
 * <p>Threading: {@link #start} starts the poller thread {@code bench-lamps}, which calls the
 * {@link Listener}; {@link #close} stops it. Not reusable.
 */
final class LampWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LampWatch.class);
    private static final int OLATB = Mcp23017Simulator.OLATB;
    private static final int GPIOB = Mcp23017Simulator.GPIOB;

    /** A seat's CALL LED bit went from 0 to 1 at {@code epochMicros} (wall clock, µs). */
    @FunctionalInterface
    interface Listener {
        void callLampRose(int seat, long epochMicros);
    }

    private final List<Mcp23017Simulator> chips;
    private final int seatsPerChip;
    private final Listener listener;
    private final long periodNanos;
    private final int[] portB;
    private final long[] gaps = new long[1 << 21];
    private int gapCount;
    private volatile boolean running = true;
    private final Thread thread;

    LampWatch(List<Mcp23017Simulator> chips, int seatsPerChip, long periodMicros, Listener listener) {
        this.chips = List.copyOf(chips);
        this.seatsPerChip = seatsPerChip;
        this.listener = listener;
        this.periodNanos = TimeUnit.MICROSECONDS.toNanos(periodMicros);
        this.portB = new int[chips.size()];
        this.thread = new Thread(this::run, ThreadNames.BENCH + "lamps");
        thread.setDaemon(true);
    }

    void start() {
        for (Mcp23017Simulator c : chips) {
            synchronized (c) {
                c.clearWriteLog();
            }
        }
        for (int i = 0; i < chips.size(); i++) {
            portB[i] = chips.get(i).outputsB();
        }
        thread.start();
    }

    /** Gaps between consecutive polls so far, in nanoseconds (the edge-stamp resolution). */
    long[] pollGaps() {
        synchronized (gaps) {
            return java.util.Arrays.copyOf(gaps, gapCount);
        }
    }

    private void run() {
        long last = System.nanoTime();
        while (running) {
            LockSupport.parkNanos(periodNanos);
            long now = System.nanoTime();
            long micros = epochMicros(Instant.now());
            synchronized (gaps) {
                if (gapCount < gaps.length) {
                    gaps[gapCount++] = now - last;
                }
            }
            last = now;
            for (int i = 0; i < chips.size(); i++) {
                drain(i, micros);
            }
        }
    }

    private void drain(int chip, long micros) {
        Mcp23017Simulator c = chips.get(chip);
        List<Mcp23017Simulator.Write> writes;
        synchronized (c) {
            writes = c.writes();
            c.clearWriteLog();
        }
        for (Mcp23017Simulator.Write w : writes) {
            if (w.register() != OLATB && w.register() != GPIOB) {
                continue;
            }
            int before = portB[chip];
            portB[chip] = w.value();
            for (int s = 0; s < seatsPerChip; s++) {
                int bit = 1 << (2 * s + 1);
                if ((before & bit) == 0 && (w.value() & bit) != 0) {
                    try {
                        listener.callLampRose(chip * seatsPerChip + s + 1, micros);
                    } catch (RuntimeException e) {
                        log.error("lamp listener failed", e);
                    }
                }
            }
        }
    }

    static long epochMicros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
    }
}
