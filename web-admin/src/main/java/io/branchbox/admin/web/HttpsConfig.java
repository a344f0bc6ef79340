package io.branchbox.admin.web;

import java.nio.file.Path;
import java.util.Objects;

/**
 * HTTPS for the web admin: the port (0: any free one, for tests), where the box keeps its key and
 * certificate ({@link io.branchbox.admin.tls.BoxCertificate}), and whether plain HTTP answers only
 * with a redirect to HTTPS (the health check stays on HTTP for probes). Without an
 * {@code HttpsConfig} the admin serves plain HTTP only, a choice made in the configuration.
 * {@code uploaded}: present the certificate a technician uploaded (kept in the same directory)
 * instead of the box's own; without an upload the box's own is used and a warning logged.
 */
public record HttpsConfig(int port, Path directory, boolean redirectHttp, boolean uploaded) {
    /** With the box's own certificate. */
    public HttpsConfig(int port, Path directory, boolean redirectHttp) {
        this(port, directory, redirectHttp, false);
    }

    public HttpsConfig {
        Objects.requireNonNull(directory, "directory");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("HTTPS port out of range: " + port);
        }
    }
}
