package io.branchbox.firmware.runtime;

import io.branchbox.time.ThreadNames;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the death of a box thread is never survived silently: a thread that must live
 * (journal writer) is checked for life, an executor thread (signalling, recording writer) for a
 * heartbeat it runs every second, and any uncaught exception or {@link Error} on any thread goes
 * to {@link #fatal}. Fatal means: the {@code BOX_THREAD_DIED} alarm goes to the alarm sink at
 * once (the signalling thread may be the one that died), a short grace lets the uplink's outbox
 * take it, then the process exits with {@link #EXIT_CODE} for the service manager to restart it;
 * start-up repairs whatever was open. (Out of memory: the shipped JVM options add
 * {@code -XX:+ExitOnOutOfMemoryError}.)
 *
 * <p>Threading: its own daemon thread {@code watchdog}, checking every second; {@link #fatal} from
 * any thread, acts once.
 */
final class ThreadWatchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ThreadWatchdog.class);
    static final String CODE = "BOX_THREAD_DIED";
    /** EX_SOFTWARE: an internal error; systemd's Restart=on-failure restarts the box. */
    static final int EXIT_CODE = 70;
    private static final Duration GRACE = Duration.ofSeconds(2);

    private record Watched(String name, BooleanSupplier ok, String failure) {}

    private final List<Watched> watched = new CopyOnWriteArrayList<>();
    private final Consumer<Alarm> alarmNow;
    private final IntConsumer exit;
    private final LongSupplier nanoTime;
    private final AtomicBoolean fired = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean stopped;

    /** {@code alarmNow}: hands an alarm to the sink on the calling thread; {@code exit}: ends the process. */
    ThreadWatchdog(Consumer<Alarm> alarmNow, IntConsumer exit, LongSupplier nanoTime) {
        this.alarmNow = alarmNow;
        this.exit = exit;
        this.nanoTime = nanoTime;
        this.thread = new Thread(this::run, ThreadNames.THREAD_WATCHDOG);
        thread.setDaemon(true);
    }

    /** The exit of a real box: System.exit, and halt if shutdown hooks hang. */
    static void exitProcess(int code) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(code);
        }, ThreadNames.WATCHDOG_HALT);
        halt.setDaemon(true);
        halt.start();
        System.exit(code);
    }

    /** Every uncaught throwable on any thread (and every Error in a scheduled task) is fatal. */
    void installAsDefaultHandler() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            log.error("thread {} died", t.getName(), e);
            fatal("thread " + t.getName() + " died: " + e);
        });
    }

    /** Watches a thread that must stay alive while the box runs. */
    void watchAlive(String name, Thread t) {
        watched.add(new Watched(name, t::isAlive, "thread " + name + " is dead"));
    }

    /**
     * Watches an executor thread through a heartbeat it runs every second; silent for
     * {@code limit} (dead, or stuck far beyond any disk stall) is fatal.
     */
    void watchHeartbeat(String name, Scheduler s, Duration limit) {
        AtomicLong last = new AtomicLong(nanoTime.getAsLong());
        s.scheduleAtFixedRate(Duration.ZERO, Duration.ofSeconds(1), () -> last.set(nanoTime.getAsLong()));
        watched.add(new Watched(name, () -> nanoTime.getAsLong() - last.get() < limit.toNanos(),
                "thread " + name + " has not run for more than " + limit.toSeconds() + " s"));
    }

    void start() {
        thread.start();
    }

    /** One round of checks (the thread calls it every second; tests call it directly). */
    void check() {
        for (Watched w : watched) {
            if (!w.ok().getAsBoolean()) {
                fatal(w.failure());
                return;
            }
        }
    }

    /** Raises the alarm, waits a moment for it to leave, and exits. Acts once. */
    void fatal(String reason) {
        if (stopped || !fired.compareAndSet(false, true)) {
            return;
        }
        log.error("fatal: {}; the box exits with code {} for the service manager to restart it", reason, EXIT_CODE);
        try {
            alarmNow.accept(new Alarm(CODE, Alarm.Severity.CRITICAL, reason + "; the box restarts", Map.of()));
            Thread.sleep(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the alarm could not be handed over: {}", e.toString());
        }
        exit.accept(EXIT_CODE);
    }

    private void run() {
        while (!stopped) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            if (!stopped) {
                check();
            }
        }
    }

    /** Stops watching: the box is stopping and its threads end on purpose. */
    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
