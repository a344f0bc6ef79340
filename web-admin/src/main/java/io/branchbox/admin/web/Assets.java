package io.branchbox.admin.web;

import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

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

    /**
     * A handler answering with {@code path} of the npm webjar {@code artifact} on the class path
     * (for example {@code picocss__pico}, {@code css/pico.min.css}); the version is read from the
     * webjar's own Maven metadata, so upgrading it is a change of the pom only.
     */
    static Handler webjar(String artifact, String path) {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version of webjar " + artifact, e);
        }
        String name = "META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + path;
        byte[] content = read(name);
        String type = contentType(path);
        return ctx -> ctx.contentType(type).result(content);
    }

    /** The bytes of {@code web/<name>}. */
    static byte[] bytes(String name) {
        return load(name);
    }

    private static byte[] load(String name) {
        return read(ROOT + name);
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("web asset missing from the class path: " + name);
        }
        return in;
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
        if (name.endsWith(".mp3")) {
            return "audio/mpeg";
        }
        if (name.endsWith(".wav")) {
            return "audio/wav";
        }
        throw new IllegalArgumentException("no content type known for " + name);
    }
}
