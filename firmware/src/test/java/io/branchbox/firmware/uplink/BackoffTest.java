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

    /**
     * Issue 13, problem 7: after a ten-minute outage the box tries again within 30 s of the
     * broker's return, whatever the jitter (virtual time: the attempts' instants are summed).
     */
    @Test
    void afterALongOutageTheNextAttemptFollowsTheBrokersReturnWithinThirtySeconds() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(13);
        UplinkSettings d = UplinkSettings.defaults("tcp://office:1883", "s1", "b1");
        for (int run = 0; run < 200; run++) {
            Backoff b = new Backoff(d.reconnectMin(), d.reconnectMax(), r::nextDouble);
            long back = 600_000 + r.nextLong(60_000); // the broker returns after 10..11 min
            long t = 0;
            while (t < back) {
                t += b.next().toMillis();
            }
            long waited = t - back;
            org.junit.jupiter.api.Assertions.assertTrue(waited <= 30_000, "run " + run + ": waited " + waited + " ms");
        }
    }
}
