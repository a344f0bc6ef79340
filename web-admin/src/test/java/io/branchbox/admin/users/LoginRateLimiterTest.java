package io.branchbox.admin.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private final ManualScheduler time = new ManualScheduler();
    private final List<LoginRateLimiter.Lockout> alarms = new ArrayList<>();
    private final LoginRateLimiter limiter = new LoginRateLimiter(time.clock(), alarms::add);

    @Test
    void oneAddressIsLockedAfterFiveFailuresWithABackOffThatDoubles() {
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("user" + i, "192.168.1.7");
        }
        assertEquals(Duration.ofMinutes(1), limiter.retryAfter("someone-else", "192.168.1.7"));
        assertEquals(Duration.ZERO, limiter.retryAfter("someone-else", "192.168.1.8"));

        time.advance(Duration.ofMinutes(1));
        limiter.recordFailure("user9", "192.168.1.7");
        assertEquals(Duration.ofMinutes(2), limiter.retryAfter("x", "192.168.1.7"));
        time.advance(Duration.ofMinutes(2));
        limiter.recordFailure("user9", "192.168.1.7");
        assertEquals(Duration.ofMinutes(4), limiter.retryAfter("x", "192.168.1.7"));

        for (int i = 0; i < 30; i++) {
            limiter.recordFailure("user9", "192.168.1.7");
        }
        assertEquals(LoginRateLimiter.MAX_LOCK, limiter.retryAfter("x", "192.168.1.7"), "capped");
    }

    @Test
    void aStrangerGuessingTheAdminNameFromManyAddressesCannotLockTheAdministratorOut() {
        limiter.recordSuccess("admin", "192.168.1.10");

        for (int i = 0; i < 10; i++) {
            limiter.recordFailure("admin", "192.168.1." + (100 + i));
        }

        assertEquals(Duration.ofMinutes(1), limiter.retryAfter("admin", "192.168.1.200"), "strangers are slowed");
        assertEquals(Duration.ZERO, limiter.retryAfter("ADMIN", "192.168.1.10"), "the admin's own PC gets in");
    }

    @Test
    void aStrangerAtOneAddressLocksOnlyThatAddress() {
        limiter.recordSuccess("admin", "192.168.1.10");
        for (int i = 0; i < 50; i++) {
            limiter.recordFailure("admin", "192.168.1.66");
        }

        assertEquals(LoginRateLimiter.MAX_LOCK, limiter.retryAfter("admin", "192.168.1.66"));
        assertEquals(Duration.ZERO, limiter.retryAfter("admin", "192.168.1.10"));
    }

    @Test
    void everyLockThatBeginsRaisesOneAlarm() {
        for (int i = 0; i < 7; i++) {
            limiter.recordFailure("admin", "10.0.0.1");
        }

        assertEquals(List.of(new LoginRateLimiter.Lockout("address", "10.0.0.1", Duration.ofMinutes(1), 5)), alarms);
        time.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            limiter.recordFailure("admin", "10.0.0.1");
        }
        assertEquals(3, alarms.size(), "the address locks again (8 min), and the name reaches ten: " + alarms);
        assertEquals(Duration.ofMinutes(8), alarms.get(1).lockedFor());
        assertEquals("user", alarms.get(2).what());
    }

    @Test
    void failuresAreForgottenAfterAQuietHourAndSuccessForgetsTheName() {
        for (int i = 0; i < 4; i++) {
            limiter.recordFailure("admin", "10.0.0.1");
        }
        time.advance(LoginRateLimiter.QUIET);
        limiter.recordFailure("admin", "10.0.0.1");
        assertEquals(Duration.ZERO, limiter.retryAfter("admin", "10.0.0.1"));

        for (int i = 0; i < 9; i++) {
            limiter.recordFailure("admin", "10.0.0." + (20 + i));
        }
        limiter.recordSuccess("admin", "10.0.0.50");
        assertEquals(Duration.ZERO, limiter.retryAfter("admin", "10.0.0.51"));
    }

    @Test
    void keyTableStaysBounded() {
        LoginRateLimiter small = new LoginRateLimiter(time.clock(), 5, Duration.ofMinutes(1), 4, l -> { });
        for (int i = 0; i < 100; i++) {
            small.recordFailure("name" + i, "10.0.0.1");
        }

        // the address key is the most recently touched, so it survives eviction and stays locked
        assertEquals(LoginRateLimiter.MAX_LOCK, small.retryAfter("fresh", "10.0.0.1"));
        assertEquals(Duration.ZERO, small.retryAfter("name0", "10.0.0.2"));
    }
}
