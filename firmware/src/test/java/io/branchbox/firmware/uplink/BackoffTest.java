package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndStartsOverAfterReset() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> 0.0);
        assertEquals(Duration.ofSeconds(1), b.next());
        assertEquals(Duration.ofSeconds(2), b.next());
        assertEquals(Duration.ofSeconds(4), b.next());
        assertEquals(Duration.ofSeconds(5), b.next());
        assertEquals(Duration.ofSeconds(5), b.next());
        b.reset();
        assertEquals(Duration.ofSeconds(1), b.next());
    }

    @Test
    void randomPartTakesAtMostAQuarterOff() {
        Backoff b = new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(5), () -> 0.5);
        assertEquals(7000, b.next().toMillis(), "8 s less an eighth");
    }

    @Test
    void manyFailuresNeitherOverflowNorExceedTheCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.0);
        for (int i = 0; i < 100; i++) {
            b.next();
        }
        assertEquals(Duration.ofMinutes(5), b.next());
    }
}
