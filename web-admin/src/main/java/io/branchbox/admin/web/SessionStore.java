package io.branchbox.admin.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory login sessions with idle and absolute expiry; a restart logs everybody out.
 *
 * <p>Memory is bounded by {@code maxSessions}: when full, expired sessions are dropped, then the
 * least recently used one. Threading: thread-safe. Time comes from the injected clock; expiry is
 * checked on use, nothing is scheduled.
 */
final class SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final long idleMs;
    private final long maxAgeMs;
    private final int maxSessions;
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

    SessionStore(Clock clock, Duration idle, Duration maxAge, int maxSessions) {
        this.clock = clock;
        this.idleMs = idle.toMillis();
        this.maxAgeMs = maxAge.toMillis();
        this.maxSessions = maxSessions;
    }

    /** A fresh session with new id and CSRF token (never reuses a presented id: no fixation). */
    WebSession create(String username) {
        long now = clock.millis();
        if (sessions.size() >= maxSessions) {
            makeRoom(now);
        }
        WebSession session = new WebSession(randomToken(), username, randomToken(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, marked as used now; empty if unknown or expired. */
    Optional<WebSession> touch(String id) {
        long now = clock.millis();
        WebSession updated = sessions.computeIfPresent(id, (k, s) -> expired(s, now) ? null : s.seenAt(now));
        return Optional.ofNullable(updated);
    }

    void invalidate(String id) {
        sessions.remove(id);
    }

    /** Ends every session of {@code username} except {@code keepId} (which may be null). */
    void invalidateAllOf(String username, String keepId) {
        sessions.values().removeIf(s -> s.username().equals(username) && !s.id().equals(keepId));
    }

    int size() {
        return sessions.size();
    }

    private boolean expired(WebSession s, long now) {
        return now - s.lastSeenMs() >= idleMs || now - s.createdMs() >= maxAgeMs;
    }

    private void makeRoom(long now) {
        sessions.values().removeIf(s -> expired(s, now));
        while (sessions.size() >= maxSessions) {
            sessions.values().stream()
                    .min(Comparator.comparingLong(WebSession::lastSeenMs))
                    .ifPresent(s -> sessions.remove(s.id()));
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
