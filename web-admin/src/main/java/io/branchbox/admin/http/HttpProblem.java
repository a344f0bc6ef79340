package io.branchbox.admin.http;

import java.util.List;
import java.util.Optional;

/**
 * A request the admin refuses, with the HTTP status and a message fit for the client.
 *
 * <p>The one exception type of the web layer: handlers throw it, and {@link AdminServer} turns it
 * into {@code {"error": text, "code": key}} with {@link #status()} in exactly one place. Made with
 * {@link #of}, the message is a catalogue key ({@code core.error.…}) translated into the user's
 * language when rendered; made with the constructor, the message is shown as it is (texts that
 * come from lower layers). The message must never contain a secret or a stack trace.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String key;
    private final List<Object> args;

    /** A problem whose message is shown as it is. */
    public HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
        this.key = null;
        this.args = List.of();
    }

    private HttpProblem(int status, String key, List<Object> args) {
        super(key + (args.isEmpty() ? "" : " " + args), null, false, false);
        this.status = status;
        this.key = key;
        this.args = args;
    }

    /** A problem whose text is the catalogue entry {@code key} with {@code args} filled in. */
    public static HttpProblem of(int status, String key, Object... args) {
        return new HttpProblem(status, key, List.of(args));
    }

    public int status() {
        return status;
    }

    /** The catalogue key, when the text is translated. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The arguments of the catalogue text. */
    public Object[] args() {
        return args.toArray();
    }

    public static HttpProblem badRequest(String key, Object... args) {
        return of(400, key, args);
    }

    public static HttpProblem unauthorized() {
        return of(401, "core.error.unauthorized");
    }

    public static HttpProblem forbidden(String key, Object... args) {
        return of(403, key, args);
    }
}
