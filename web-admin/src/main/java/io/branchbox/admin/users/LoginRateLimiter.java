package io.branchbox.admin.users;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins within {@code window} for
 * the same username, or from the same client address, further attempts are refused without
 * checking the password until the oldest failure leaves the window.
 *
 * <p>Both keys count separately, so one address cannot try many names and many addresses cannot
 * hammer one name. Memory is bounded: at most {@code maxKeys} keys are tracked; the least recently
 * failed key is forgotten first.
 *
 * <p>Threading: thread-safe (all methods synchronized; each is O(maxFailures)). Time comes from the
 * injected clock; nothing is scheduled.
 */
public final class LoginRateLimiter {
    /** 5 failures per username or address per minute. */
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    private static final int DEFAULT_MAX_KEYS = 10_000;
    private static final int MAX_KEY_CHARS = 64;

    private final Clock clock;
    private final int maxFailures;
    private final long windowMillis;
    private final int maxKeys;
    private final Map<String, ArrayDeque<Long>> failures = new LinkedHashMap<>(64, 0.75f, true);

    public LoginRateLimiter(Clock clock) {
        this(clock, DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_MAX_KEYS);
    }

    public LoginRateLimiter(Clock clock, int maxFailures, Duration window, int maxKeys) {
        if (maxFailures < 1 || maxKeys < 2 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("bad rate limit: " + maxFailures + " per " + window + ", keys " + maxKeys);
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
    }

    /**
     * How long the caller must wait before trying {@code username} from {@code address} again;
     * {@link Duration#ZERO} when an attempt is allowed now.
     */
    public synchronized Duration retryAfter(String username, String address) {
        long now = clock.millis();
        long wait = Math.max(waitMillis(userKey(username), now), waitMillis(addressKey(address), now));
        return Duration.ofMillis(wait);
    }

    /** Records a failed attempt against both the username and the address. */
    public synchronized void recordFailure(String username, String address) {
        long now = clock.millis();
        add(userKey(username), now);
        add(addressKey(address), now);
    }

    /** Forgets the username's failures after a successful login; the address keeps its count. */
    public synchronized void recordSuccess(String username) {
        failures.remove(userKey(username));
    }

    private long waitMillis(String key, long now) {
        ArrayDeque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        prune(times, now);
        if (times.size() < maxFailures) {
            return 0;
        }
        return times.peekFirst() + windowMillis - now;
    }

    private void add(String key, long now) {
        ArrayDeque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        prune(times, now);
        times.addLast(now);
        while (times.size() > maxFailures) {
            times.removeFirst();
        }
        if (failures.size() > maxKeys) {
            evict(now);
        }
    }

    private void evict(long now) {
        Iterator<ArrayDeque<Long>> it = failures.values().iterator();
        while (it.hasNext()) {
            ArrayDeque<Long> times = it.next();
            prune(times, now);
            if (times.isEmpty()) {
                it.remove();
            }
        }
        // still full of live keys: drop the least recently touched ones
        Iterator<String> oldest = failures.keySet().iterator();
        while (failures.size() > maxKeys && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private void prune(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.removeFirst();
        }
    }

    private static String userKey(String username) {
        // bounded so that huge made-up names cannot blow up the table's memory
        String name = username.length() > MAX_KEY_CHARS ? username.substring(0, MAX_KEY_CHARS) : username;
        return "u:" + name.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + (address.length() > MAX_KEY_CHARS ? address.substring(0, MAX_KEY_CHARS) : address);
    }
}
