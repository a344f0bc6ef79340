package io.branchbox.admin.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One row of the route table: method, path, who may call it, and the handler.
 *
 * @param method  HTTP method
 * @param path    Javalin path, e.g. {@code /api/users/{username}/disable}
 * @param access  who may call it
 * @param handler what it does
 */
public record RouteSpec(HandlerType method, String path, Access access, Handler handler) {
    public RouteSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
    }

    /** A page a browser navigates to: unauthenticated visitors are sent to the login page. */
    public boolean isPage() {
        return method == HandlerType.GET && !path.startsWith("/api/");
    }
}
