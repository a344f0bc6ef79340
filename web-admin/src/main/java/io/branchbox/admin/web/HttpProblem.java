package io.branchbox.admin.web;

/**
 * A request the admin refuses, with the HTTP status and a message fit for the client.
 *
 * <p>The one exception type of the web layer: handlers throw it, and {@link AdminServer} turns it
 * into {@code {"error": message}} with {@link #status()} in exactly one place. The message must
 * never contain a secret or a stack trace.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;

    public HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    static HttpProblem unauthorized() {
        return new HttpProblem(401, "authentication required");
    }

    static HttpProblem forbidden(String message) {
        return new HttpProblem(403, message);
    }
}
