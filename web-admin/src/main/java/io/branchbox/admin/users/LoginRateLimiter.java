package io.branchbox.admin.users;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Stops password guessing without letting a stranger lock the administrator out.
 *
 * <ul>
 *   <li><b>Per address:</b> after {@code maxFailures} failed logins from one address (any names),
 *       that address waits {@code baseLock}, doubled with every further failure up to
 *       {@link #MAX_LOCK} (1, 2, 4, 8 … minutes).</li>
 *   <li><b>Per user:</b> after {@code 2 × maxFailures} failures for one name from anywhere, the
 *       name is locked the same growing way — but not for the addresses this user has logged in
 *       from successfully before. A stranger guessing "admin" from the LAN locks the name for
 *       strangers (and their own address), while the administrator's own PC still gets in.</li>
 *   <li><b>Alarm:</b> every lock that begins is reported once to the alarm listener (logged as a
 *       security alarm by the admin), with the key and how long it lasts.</li>
 * </ul>
 * A key's failures are forgotten after {@link #QUIET} without a failure. Memory is bounded: at
 * most {@code maxKeys} keys and {@link #KNOWN_PER_USER} known addresses per user; the least
 * recently used are forgotten first.
 *
 * <p>Threading: thread-safe (all methods synchronized, each O(1) amortized). Time comes from the
 * injected clock; nothing is scheduled. The alarm listener is called with the lock held: keep it short.
 */
public final class LoginRateLimiter {
    /** 5 failures from one address, 10 for one name, before the first lock. */
    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_BASE_LOCK = Duration.ofMinutes(1);
    public static final Duration MAX_LOCK = Duration.ofHours(1);
    public static final Duration QUIET = Duration.ofHours(1);
    static final int KNOWN_PER_USER = 8;
    private static final int DEFAULT_MAX_KEYS = 10_000;
    private static final int MAX_KEY_CHARS = 64;

    /** What the alarm says: which key (user or address) is locked and for how long. */
    public record Lockout(String what, String key, Duration lockedFor, int failures) {}

    private final Clock clock;
    private final int maxFailures;
    private final long baseMillis;
    private final int maxKeys;
    private final Consumer<Lockout> alarm;
    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Set<String>> knownAddresses = new LinkedHashMap<>(64, 0.75f, true);

    private static final class Failures {
        int count;
        long lastMs;
        long lockedUntilMs;
    }

    public LoginRateLimiter(Clock clock) {
        this(clock, DEFAULT_MAX_FAILURES, DEFAULT_BASE_LOCK, DEFAULT_MAX_KEYS, lockout -> { });
    }

    public LoginRateLimiter(Clock clock, Consumer<Lockout> alarm) {
        this(clock, DEFAULT_MAX_FAILURES, DEFAULT_BASE_LOCK, DEFAULT_MAX_KEYS, alarm);
    }

    public LoginRateLimiter(Clock clock, int maxFailures, Duration baseLock, int maxKeys, Consumer<Lockout> alarm) {
        if (maxFailures < 1 || maxKeys < 2 || baseLock.isNegative() || baseLock.isZero()) {
            throw new IllegalArgumentException("bad rate limit: " + maxFailures + " then " + baseLock + ", keys " + maxKeys);
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.baseMillis = baseLock.toMillis();
        this.maxKeys = maxKeys;
        this.alarm = alarm;
    }

    /**
     * How long the caller must wait before trying {@code username} from {@code address} again;
     * {@link Duration#ZERO} when an attempt is allowed now.
     */
    public synchronized Duration retryAfter(String username, String address) {
        long now = clock.millis();
        long wait = waitMillis(addressKey(address), now);
        if (!isKnown(username, address)) {
            wait = Math.max(wait, waitMillis(userKey(username), now));
        }
        return Duration.ofMillis(wait);
    }

    /** Records a failed attempt against both the username and the address. */
    public synchronized void recordFailure(String username, String address) {
        long now = clock.millis();
        add("address", addressKey(address), maxFailures, now);
        add("user", userKey(username), 2 * maxFailures, now);
    }

    /**
     * After a successful login: the name's failures are forgotten and the address becomes one of
     * the user's known addresses (exempt from the name's lock); the address keeps its own count.
     */
    public synchronized void recordSuccess(String username, String address) {
        failures.remove(userKey(username));
        Set<String> known = knownAddresses.computeIfAbsent(userKey(username), k -> new LinkedHashSet<>());
        known.remove(address);
        known.add(address);
        while (known.size() > KNOWN_PER_USER) {
            known.remove(known.iterator().next());
        }
        while (knownAddresses.size() > maxKeys) {
            Iterator<String> oldest = knownAddresses.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private boolean isKnown(String username, String address) {
        Set<String> known = knownAddresses.get(userKey(username));
        return known != null && known.contains(address);
    }

    private long waitMillis(String key, long now) {
        Failures f = failures.get(key);
        return f == null ? 0 : Math.max(0, f.lockedUntilMs - now);
    }

    private void add(String what, String key, int threshold, long now) {
        Failures f = failures.computeIfAbsent(key, k -> new Failures());
        if (now - f.lastMs >= QUIET.toMillis()) {
            f.count = 0;
        }
        f.count++;
        f.lastMs = now;
        if (f.count >= threshold) {
            int doublings = Math.min(20, f.count - threshold);
            long lock = Math.min(MAX_LOCK.toMillis(), baseMillis << doublings);
            boolean starts = f.lockedUntilMs <= now;
            f.lockedUntilMs = Math.max(f.lockedUntilMs, now + lock);
            if (starts) {
                alarm.accept(new Lockout(what, key.substring(2), Duration.ofMillis(lock), f.count));
            }
        }
        if (failures.size() > maxKeys) {
            evict(now);
        }
    }

    private void evict(long now) {
        failures.values().removeIf(f -> f.lockedUntilMs <= now && now - f.lastMs >= QUIET.toMillis());
        // still full of live keys: drop the least recently touched ones
        Iterator<String> oldest = failures.keySet().iterator();
        while (failures.size() > maxKeys && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
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
