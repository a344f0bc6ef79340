package io.branchbox.admin.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private final ManualScheduler time = new ManualScheduler();
    private final LoginRateLimiter limiter = new LoginRateLimiter(time.clock());

    @Test
    void fifthFailureLocksTheUsernameUntilTheOldestFailureIsAMinuteOld() {
        for (int i = 0; i < 4; i++) {
            limiter.recordFailure("admin", "10.0.0." + i);
            time.advance(Duration.ofSeconds(10));
        }
        assertEquals(Duration.ZERO, limiter.retryAfter("admin", "10.0.0.9"));

        limiter.recordFailure("admin", "10.0.0.5");

        assertEquals(Duration.ofSeconds(20), limiter.retryAfter("ADMIN", "10.0.0.9"), "names compare case-blind");
        time.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ZERO, limiter.retryAfter("admin", "10.0.0.9"));
    }

    @Test
    void oneAddressTryingManyNamesIsLockedToo() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("user" + i, "192.168.1.7");
        }

        assertEquals(Duration.ofMinutes(1), limiter.retryAfter("someone-else", "192.168.1.7"));
        assertEquals(Duration.ZERO, limiter.retryAfter("someone-else", "192.168.1.8"));
    }

    @Test
    void successForgetsTheUsernameButNotTheAddress() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("admin", "192.168.1.7");
        }

        limiter.recordSuccess("admin");

        assertEquals(Duration.ZERO, limiter.retryAfter("admin", "192.168.1.8"));
        assertEquals(Duration.ofMinutes(1), limiter.retryAfter("admin", "192.168.1.7"));
    }

    @Test
    void keyTableStaysBounded() {
        LoginRateLimiter small = new LoginRateLimiter(time.clock(), 5, Duration.ofMinutes(1), 4);
        for (int i = 0; i < 100; i++) {
            small.recordFailure("name" + i, "10.0.0.1");
        }

        // the address key is the most recently touched, so it survives eviction and stays locked
        assertEquals(Duration.ofMinutes(1), small.retryAfter("fresh", "10.0.0.1"));
        assertEquals(Duration.ZERO, small.retryAfter("name0", "10.0.0.2"));
    }
}
