package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.time.ExecutorScheduler;
import io.branchbox.time.ManualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, priority 5: a dead box thread, a stuck executor or an Error in a scheduled task is
 * never survived silently: BOX_THREAD_DIED is raised and the process exits (code 70).
 */
@Tag("faults")
class ThreadWatchdogTest {
    private final List<Alarm> alarms = new CopyOnWriteArrayList<>();
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    private ThreadWatchdog watchdog() {
        return new ThreadWatchdog(alarms::add, exits::add, nanos::get);
    }

    @Test
    void aDeadJournalWriterRaisesTheAlarmAndExits() throws Exception {
        ThreadWatchdog w = watchdog();
        Thread t = new Thread(() -> { }, "journal-writer");
        t.start();
        t.join();
        w.watchAlive("journal-writer", t);
        w.check();
        assertEquals(List.of(ThreadWatchdog.EXIT_CODE), exits);
        assertEquals(ThreadWatchdog.CODE, alarms.get(0).code());
        assertTrue(alarms.get(0).text().contains("journal-writer"));
        w.check();
        assertEquals(1, exits.size(), "acts once");
    }

    @Test
    void aStuckExecutorIsFatalOnlyBeyondItsLimit() {
        ThreadWatchdog w = watchdog();
        ManualScheduler s = new ManualScheduler();
        w.watchHeartbeat("recording-writer", s, Duration.ofSeconds(60));
        s.runPending();
        nanos.addAndGet(Duration.ofSeconds(30).toNanos()); // a long fsync stall: not dead
        w.check();
        assertEquals(List.of(), exits);
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        w.check();
        assertEquals(List.of(ThreadWatchdog.EXIT_CODE), exits);
    }

    @Test
    void anErrorInAScheduledTaskReachesTheDefaultHandler() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        ThreadWatchdog w = watchdog();
        CountDownLatch fatal = new CountDownLatch(1);
        try {
            w.installAsDefaultHandler();
            Thread.UncaughtExceptionHandler installed = Thread.getDefaultUncaughtExceptionHandler();
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
                installed.uncaughtException(t, e);
                fatal.countDown();
            });
            try (ExecutorScheduler s = new ExecutorScheduler("signalling-test", Clock.systemUTC())) {
                s.execute(() -> {
                    throw new OutOfMemoryError("simulated");
                });
                assertTrue(fatal.await(10, TimeUnit.SECONDS));
            }
            assertEquals(List.of(ThreadWatchdog.EXIT_CODE), exits);
            assertTrue(alarms.get(0).text().contains("OutOfMemoryError"), alarms.get(0).text());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
