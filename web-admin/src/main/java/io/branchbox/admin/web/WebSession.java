package io.branchbox.admin.web;

/**
 * A login session, as held by {@link SessionStore}. The id and the CSRF token are secrets: never
 * log them.
 *
 * @param id         cookie value, 256 random bits
 * @param username   who logged in
 * @param csrfToken  value required in header {@code X-CSRF-Token} on state-changing requests
 * @param createdMs  login time
 * @param lastSeenMs last request time
 */
record WebSession(String id, String username, String csrfToken, long createdMs, long lastSeenMs) {

    WebSession seenAt(long nowMs) {
        return new WebSession(id, username, csrfToken, createdMs, nowMs);
    }

    @Override
    public String toString() {
        return "WebSession[" + username + "]";
    }
}
