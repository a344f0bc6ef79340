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
    private static final String WEBJARS = "META-INF/resources/webjars/";

    private Assets() {}

    /** A handler answering with the file {@code web/<name>}. */
    static Handler file(String name) {
        byte[] content = load(name);
        String type = contentType(name);
        return ctx -> ctx.contentType(type).result(content);
    }

    /**
     * A handler answering with a file of a webjar on the class path (front-end libraries come from
     * Maven Central as webjars, served by the box: no CDN), e.g. {@code uplot/1.6.30/dist/uPlot.iife.min.js}.
     */
    static Handler webjar(String path) {
        byte[] content = loadResource(WEBJARS + path);
        String type = contentType(path);
        return ctx -> ctx.contentType(type).header("Cache-Control", "max-age=86400").result(content);
    }

    private static byte[] load(String name) {
        return loadResource(ROOT + name);
    }

    private static byte[] loadResource(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("web asset missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + resource, e);
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
