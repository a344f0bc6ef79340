package io.branchbox.box.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class SignallingWatchdogTest {
    /** A signalling thread we drive by hand: tasks wait until the test runs them. */
    private final ArrayDeque<Runnable> signallingQueue = new ArrayDeque<>();
    private final Executor signalling = signallingQueue::add;
    private final ManualScheduler timer = new ManualScheduler();
    private final List<ServiceNotifier.State> sent = new ArrayList<>();
    private final SignallingWatchdog watchdog = new SignallingWatchdog(signalling, timer,
            (state, status) -> sent.add(state), Duration.ofSeconds(15), () -> "ok");

    private void signallingRuns() {
        while (!signallingQueue.isEmpty()) {
            signallingQueue.poll().run();
        }
    }

    @Test
    void feedsWhileSignallingRunsItsQueue() {
        watchdog.start();
        for (int i = 0; i < 4; i++) {
            signallingRuns();
            timer.advance(Duration.ofSeconds(15));
        }
        assertEquals(4, sent.size());
        assertEquals(List.of(ServiceNotifier.State.WATCHDOG), sent.stream().distinct().toList());
    }

    @Test
    void stopsFeedingWhenSignallingHangsAndResumesWhenItRunsAgain() {
        watchdog.start();
        signallingRuns();
        timer.advance(Duration.ofSeconds(15));
        assertEquals(1, sent.size());
        // signalling is stuck: the probe stays queued, nothing is fed, probes do not pile up
        timer.advance(Duration.ofSeconds(60));
        assertEquals(1, sent.size());
        assertEquals(1, signallingQueue.size());
        signallingRuns();
        timer.advance(Duration.ofSeconds(15));
        assertEquals(2, sent.size());
    }

    @Test
    void closedWatchdogFeedsNoMore() {
        watchdog.start();
        signallingRuns();
        watchdog.close();
        timer.advance(Duration.ofSeconds(60));
        assertEquals(0, sent.size());
    }

    @Test
    void periodIsHalfOfSystemdsTimeoutForThisProcessOnly() {
        assertEquals(Optional.of(Duration.ofSeconds(15)),
                SignallingWatchdog.periodFromEnvironment(Map.of("WATCHDOG_USEC", "30000000"), 42));
        assertEquals(Optional.of(Duration.ofSeconds(15)),
                SignallingWatchdog.periodFromEnvironment(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42));
        assertEquals(Optional.empty(),
                SignallingWatchdog.periodFromEnvironment(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7"), 42));
        assertEquals(Optional.empty(), SignallingWatchdog.periodFromEnvironment(Map.of(), 42));
        assertEquals(Optional.empty(), SignallingWatchdog.periodFromEnvironment(Map.of("WATCHDOG_USEC", "x"), 42));
    }

    @Test
    void noNotifierOutsideSystemd() {
        assertEquals(ServiceNotifier.NONE, ServiceNotifier.fromEnvironment(Map.of()));
    }
}
