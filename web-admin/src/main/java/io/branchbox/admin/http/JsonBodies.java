package io.branchbox.admin.http;

import io.javalin.http.Context;

/**
 * Reads a request's JSON body into a request record, with the admin's size limit and its refusal
 * of unknown fields; every failure is an {@link io.branchbox.admin.http.HttpProblem} (400, 413, 415).
 * The web package passes its own reader so that the console reads bodies exactly as every other
 * route does. Thread-safe.
 */
@FunctionalInterface
public interface JsonBodies {
    <T> T read(Context ctx, Class<T> type);
}
