package io.branchbox.admin.web;

import java.time.Duration;
import java.util.Objects;

/**
 * How the web admin listens and how long sessions live.
 *
 * @param host              address to bind; {@code 0.0.0.0} for every interface
 * @param port              TCP port; {@code 0} picks a free one (tests)
 * @param maxBodyBytes      largest request body accepted; larger ones get 413
 * @param sessionIdle       a session unused this long is ended
 * @param sessionMaxAge     a session is ended this long after login, used or not
 * @param forceSecureCookie mark the session cookie {@code Secure} even on plain HTTP; use when a
 *                          TLS proxy sits in front. Requests that arrive over TLS always get it.
 */
public record AdminConfig(String host, int port, int maxBodyBytes, Duration sessionIdle, Duration sessionMaxAge,
                          boolean forceSecureCookie) {
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    /** Every legitimate request is a small form or JSON object. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

    public AdminConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes too small for a login form: " + maxBodyBytes);
        }
    }

    /** 0.0.0.0:8080, 16 KiB bodies, 30 min idle, 12 h absolute session lifetime. */
    public static AdminConfig defaults() {
        return new AdminConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES,
                Duration.ofMinutes(30), Duration.ofHours(12), false);
    }

    public AdminConfig withAddress(String newHost, int newPort) {
        return new AdminConfig(newHost, newPort, maxBodyBytes, sessionIdle, sessionMaxAge, forceSecureCookie);
    }
}
