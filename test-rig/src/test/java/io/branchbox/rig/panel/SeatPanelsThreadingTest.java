package io.branchbox.rig.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.gpio.PinMap;
import io.branchbox.drivers.gpio.SeatListener;
import io.branchbox.drivers.gpio.SeatPanels;
import io.branchbox.time.ExecutorScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SeatPanels with the production scheduler: button edges arrive on another thread (as Pi4J's
 * listener threads deliver them) and events must come out once, on the scheduler thread.
 */
class SeatPanelsThreadingTest {
    private static final String THREAD = "seat-panel-test";

    private final ExecutorScheduler scheduler = new ExecutorScheduler(THREAD, Clock.systemUTC());
    private final PanelRig rig = PanelRig.create(PinMap.defaults());
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final SeatPanels panels = new SeatPanels(rig.context(), PinMap.defaults(), scheduler, new SeatListener() {
        @Override
        public void onAnswerButton(int seat) {
            events.add("answer " + seat + " on " + Thread.currentThread().getName());
        }

        @Override
        public void onReadyButton(int seat) {
            events.add("ready " + seat + " on " + Thread.currentThread().getName());
        }
    });

    @AfterEach
    void close() {
        scheduler.close();
        rig.close();
    }

    @Test
    void aBouncingPressFromAnotherThreadIsOneEventOnTheSchedulerThread() throws InterruptedException {
        panels.start();
        awaitScheduler(Duration.ZERO);
        assertTrue(panels.healthy());

        rig.panel(scheduler).pressWithBounce(7, SeatButton.READY, new Random(7));
        // 20 ms of bounce + 25 ms settle, with ample margin for a loaded machine
        awaitScheduler(Duration.ofMillis(300));

        assertEquals(List.of("ready 7 on " + THREAD), events);
    }

    @Test
    void ledChangesFromAnyThreadReachTheChip() throws InterruptedException {
        panels.start();
        Thread other = new Thread(() -> panels.setLeds(2, false, true));
        other.start();
        other.join(TimeUnit.SECONDS.toMillis(5));
        awaitScheduler(Duration.ZERO);

        assertTrue(rig.panel(scheduler).callLed(2));
    }

    /** Waits until the scheduler has run everything due within {@code after}. */
    private void awaitScheduler(Duration after) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        scheduler.schedule(after, done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS), "scheduler did not run in 10 s");
    }
}
