package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private final ManualScheduler time = new ManualScheduler();
    private final SessionStore store =
            new SessionStore(time.clock(), Duration.ofMinutes(30), Duration.ofHours(12), 3);

    @Test
    void idleSessionExpiresButAUsedOneLivesOn() {
        WebSession used = store.create("alice");
        WebSession idle = store.create("bob");

        time.advance(Duration.ofMinutes(20));
        assertTrue(store.touch(used.id()).isPresent());
        time.advance(Duration.ofMinutes(15));

        assertTrue(store.touch(used.id()).isPresent(), "used 15 min ago");
        assertTrue(store.touch(idle.id()).isEmpty(), "idle 35 min");
    }

    @Test
    void sessionEndsAfterTheAbsoluteLifetimeEvenWhenUsed() {
        WebSession s = store.create("alice");
        for (int i = 0; i < 24; i++) {
            time.advance(Duration.ofMinutes(29));
            assertTrue(store.touch(s.id()).isPresent(), "11 h 36 min at most");
        }

        time.advance(Duration.ofMinutes(29));

        assertTrue(store.touch(s.id()).isEmpty(), "12 h 5 min");
    }

    @Test
    void idsAndTokensAreFreshAndDistinct() {
        WebSession a = store.create("alice");
        WebSession b = store.create("alice");

        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
        assertEquals(43, a.id().length(), "256 bits in unpadded base64url");
        assertEquals("WebSession[alice]", a.toString(), "secrets stay out of toString");
    }

    @Test
    void fullStoreDropsTheLeastRecentlyUsedSession() {
        WebSession oldest = store.create("a");
        time.advance(Duration.ofSeconds(1));
        WebSession middle = store.create("b");
        time.advance(Duration.ofSeconds(1));
        store.create("c");
        store.touch(oldest.id());

        store.create("d");

        assertEquals(3, store.size());
        assertTrue(store.touch(middle.id()).isEmpty());
        assertTrue(store.touch(oldest.id()).isPresent());
    }

    @Test
    void invalidatingAUserKeepsOnlyTheNamedSession() {
        WebSession keep = store.create("alice");
        WebSession other = store.create("alice");
        WebSession bob = store.create("bob");

        store.invalidateAllOf("alice", keep.id());

        assertTrue(store.touch(keep.id()).isPresent());
        assertTrue(store.touch(other.id()).isEmpty());
        assertTrue(store.touch(bob.id()).isPresent());
    }
}
