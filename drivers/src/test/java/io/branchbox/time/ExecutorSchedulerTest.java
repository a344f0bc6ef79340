package io.branchbox.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

    @Test
    void aGracefulCloseRunsTheWorkAlreadyQueuedBeforeStopping() throws Exception {
        ExecutorScheduler s = new ExecutorScheduler("graceful-test", Clock.systemUTC());
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        s.execute(() -> {
            busy.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ran.add("interrupted");
            }
            ran.add("first");
        });
        s.execute(() -> ran.add("queued behind it"));
        busy.await(5, TimeUnit.SECONDS);
        Thread closer = new Thread(() -> s.close(Duration.ofSeconds(5)));
        closer.start();
        release.countDown();
        closer.join(10_000);
        assertEquals(List.of("first", "queued behind it"), ran);
    }
}
