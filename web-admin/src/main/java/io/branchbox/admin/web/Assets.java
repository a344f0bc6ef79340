package io.branchbox.admin.web;

import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the few files under {@code web/} on the class path, each through its own route in
 * {@link AdminRoutes} so that every file has an {@link Access} rule (no catch-all static handler).
 *
 * <p>Files are read once, when the route table is built; a missing file fails the server start
 * rather than the first request. Thread-safe.
 */
final class Assets {
    private static final String ROOT = "web/";

    private Assets() {}

    /** A handler answering with the file {@code web/<name>}. */
    static Handler file(String name) {
        byte[] content = load(name);
        String type = contentType(name);
        return ctx -> ctx.contentType(type).result(content);
    }

    private static byte[] load(String name) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("web asset missing from the class path: " + ROOT + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + name, e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        throw new IllegalArgumentException("no content type known for " + name);
    }
}
